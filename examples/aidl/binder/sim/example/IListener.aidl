package binder.sim.example;

interface IListener {
    String on_event(int n);
}

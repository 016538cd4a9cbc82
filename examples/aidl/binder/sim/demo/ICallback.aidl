package binder.sim.demo;

interface ICallback {
    int on_value(int v);
}

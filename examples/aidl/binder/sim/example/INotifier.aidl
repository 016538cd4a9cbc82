package binder.sim.example;

import binder.sim.example.IListener;

interface INotifier {
    String subscribe(IListener listener, int events);
}

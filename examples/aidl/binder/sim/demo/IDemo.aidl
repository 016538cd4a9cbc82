package binder.sim.demo;

import binder.sim.demo.ICallback;

interface IDemo {
    String echo(String s);
    oneway void note(int v);
    String notes_after(int want);
    int call_back(ICallback cb, int v);
    int caller_pid();
    int caller_uid();
    String secret();
}

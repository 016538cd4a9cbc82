package sim.xcheck;

// A oneway interface (every method oneway), implemented by the client: the service's calls
// into it do not wait for the client.
oneway interface IXListener {
    void onEvent(int v, @utf8InCpp String what);
}

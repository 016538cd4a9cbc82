package sim.xcheck;

// What a client hands to the service, which calls it back into the client's process.
interface IXCallback {
    int apply(int v);
}

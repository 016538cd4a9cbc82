package sim.roundtrip;

interface ICallback {
    int apply(int v);
}

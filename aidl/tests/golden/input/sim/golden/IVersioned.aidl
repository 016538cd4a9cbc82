package sim.golden;

interface IVersioned {
    int compute(int x) = 5;
    void ping() = 7;
}

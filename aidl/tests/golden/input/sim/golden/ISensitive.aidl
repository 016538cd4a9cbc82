package sim.golden;

@SensitiveData
interface ISensitive {
    void store(in byte[] secret);
    oneway void wipe();
    int check();
}

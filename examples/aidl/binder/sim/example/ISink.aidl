package binder.sim.example;

interface ISink {
    long take(in byte[] data);
}

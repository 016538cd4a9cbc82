package binder.sim.demo;

interface IStore {
    String read_shared(in ParcelFileDescriptor fd);
    long put(in byte[] data);
}

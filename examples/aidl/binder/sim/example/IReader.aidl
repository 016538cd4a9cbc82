package binder.sim.example;

interface IReader {
    String read_all(in ParcelFileDescriptor fd);
}

package sim.xcheck;

// A structured parcelable (new in Android 10) with a field of each kind its grammar allows in
// one and a default for each that takes one (arrays included). No ParcelFileDescriptor
// field: it would make the type move-only in C++ and not Clone in Rust; file descriptors
// travel as arguments instead.
parcelable Payload {
    boolean flag = true;
    byte b = 7;
    char c = 'x';
    int i = 42;
    // Android 10 refuses the `L` suffix; an int literal widens.
    long l = -5;
    float f = 1.5f;
    double d = 2.25;
    String s = "default";
    @utf8InCpp String u = "utf8";
    @nullable String ns;
    int[] ints = {1, -2};
    List<String> names;
    @nullable IBinder binder;
}

package sim.roundtrip;

import sim.roundtrip.Kind;

@RustDerive(Clone=true, PartialEq=true)
parcelable Data {
    @RustDerive(Clone=true, PartialEq=true)
    parcelable Inner {
        int x = 3;
        @utf8InCpp String tag = "inner";
    }

    const int LIMIT = 1 << 10;

    boolean flag = true;
    byte b = -2;
    char c = 'A';
    int i = 7;
    long l = -1L;
    float f = 1.5f;
    double d = 2.25;
    String s = "default";
    @nullable String ns;
    Kind kind = Kind.FIVE;
    int[] ints;
    List<String> names;
    Inner inner;
    @nullable Inner maybeInner;
    int[2] pair;
    @nullable IBinder binder;
}

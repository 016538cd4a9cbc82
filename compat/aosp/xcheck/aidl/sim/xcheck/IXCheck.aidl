package sim.xcheck;

import sim.xcheck.IXCallback;
import sim.xcheck.IXListener;
import sim.xcheck.Payload;

// The interface of the AIDL cross-check (compat/aosp/run.sh): compiled by Debian's
// `aidl --lang=cpp` (Android 10) into a C++ service and client on AOSP's libbinder, and by
// binder-aidl into a Rust service and client on ours; each client calls the other language's
// service. Every argument type Android 10's C++ backend accepts, except FileDescriptor (which
// binder-aidl, as AOSP's Rust backend, refuses). Semantics, the same in both services: a
// method returns its `in` argument; an `out` array or list is the `in` one reversed; an `inout`
// one gets the `in` one appended.
interface IXCheck {
    // Android 10 has int and String constants only.
    const int ERROR_CODE = 42;
    const String NAME = "xcheck";
    const int ALL_BITS = 0xffffffff;

    // NAME + ":" + ERROR_CODE + ":" + ALL_BITS, from the service's own generated constants.
    @utf8InCpp String constants();

    boolean rBoolean(boolean v);
    byte rByte(byte v);
    char rChar(char v);
    int rInt(int v);
    long rLong(long v);
    float rFloat(float v);
    double rDouble(double v);
    String rString(String v);
    @utf8InCpp String rUtf8(@utf8InCpp String v);
    @nullable String rNullableString(@nullable String v);
    @nullable @utf8InCpp String rNullableUtf8(@nullable @utf8InCpp String v);

    boolean[] rBooleans(in boolean[] v, out boolean[] o, inout boolean[] io);
    byte[] rBytes(in byte[] v, out byte[] o, inout byte[] io);
    char[] rChars(in char[] v, out char[] o, inout char[] io);
    int[] rInts(in int[] v, out int[] o, inout int[] io);
    long[] rLongs(in long[] v, out long[] o, inout long[] io);
    float[] rFloats(in float[] v, out float[] o, inout float[] io);
    double[] rDoubles(in double[] v, out double[] o, inout double[] io);
    String[] rStrings(in String[] v, out String[] o, inout String[] io);
    @utf8InCpp String[] rUtf8s(in @utf8InCpp String[] v, out @utf8InCpp String[] o,
            inout @utf8InCpp String[] io);
    @nullable int[] rNullableInts(in @nullable int[] v);
    @nullable String[] rNullableStrings(in @nullable String[] v);
    List<String> rList(in List<String> v, out List<String> o, inout List<String> io);
    @utf8InCpp List<String> rUtf8List(in @utf8InCpp List<String> v,
            out @utf8InCpp List<String> o, inout @utf8InCpp List<String> io);
    @nullable List<String> rNullableList(in @nullable List<String> v);

    IBinder rBinder(IBinder v);
    @nullable IBinder rNullableBinder(@nullable IBinder v);
    List<IBinder> rBinderList(in List<IBinder> v);
    // Calls cb.apply(v) and returns its answer.
    int callBack(IXCallback cb, int v);
    IXCallback rCallback(IXCallback cb);
    @nullable IXCallback rNullableCallback(@nullable IXCallback cb);
    // Calls l.onEvent(v, "event") (oneway) and returns without waiting for it.
    void tell(IXListener l, int v);

    // o: v with i + 1; io: io with l * 2 and "io" appended to names.
    Payload rPayload(in Payload v, out Payload o, inout Payload io);
    @nullable Payload rNullablePayload(in @nullable Payload v);
    Payload[] rPayloads(in Payload[] v);
    // A default-constructed Payload: the defaults as the service's compiler wrote them.
    Payload defaults();

    // Another IXCheck object of the service's (a new one each time). The file descriptor
    // methods are called on it, not on the context object: the driver, as Linux's, creates
    // the context manager's node without FLAT_BINDER_FLAG_ACCEPTS_FDS (BINDER_SET_CONTEXT_MGR
    // has no flags, Android 10's BINDER_SET_CONTEXT_MGR_EXT passes none), so a transaction to
    // handle 0 that carries a descriptor fails.
    IXCheck other();

    // A duplicate of the descriptor, made by the service.
    ParcelFileDescriptor rPfd(in ParcelFileDescriptor v);
    @nullable ParcelFileDescriptor rNullablePfd(in @nullable ParcelFileDescriptor v);
    ParcelFileDescriptor[] rPfds(in ParcelFileDescriptor[] v);

    oneway void ping(int v);
    // The sum of the pings once `count` have arrived since the last waitPings (oneway calls
    // are not ordered against the caller's synchronous ones), which it then forgets; waits
    // 5 s at most.
    int waitPings(int count);

    void failServiceSpecific(int code, @utf8InCpp String message);
    // EX_ILLEGAL_ARGUMENT, "not this one".
    void failException();
    // EX_NULL_POINTER.
    void failNull();
}

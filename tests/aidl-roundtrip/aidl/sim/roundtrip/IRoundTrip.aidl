package sim.roundtrip;

import sim.roundtrip.Data;
import sim.roundtrip.ICallback;
import sim.roundtrip.Kind;
import sim.roundtrip.Value;
import sim.roundtrip.Wide;

interface IRoundTrip {
    const int NOT_FOUND = 404;

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

    boolean[] rBooleans(in boolean[] v);
    byte[] rBytes(in byte[] v);
    char[] rChars(in char[] v);
    int[] rInts(in int[] v);
    long[] rLongs(in long[] v);
    float[] rFloats(in float[] v);
    double[] rDoubles(in double[] v);
    String[] rStrings(in String[] v);
    @utf8InCpp String[] rUtf8s(in @utf8InCpp String[] v);
    @nullable int[] rNullableInts(in @nullable int[] v);
    @nullable String[] rNullableStrings(in @nullable String[] v);
    int[3] rFixed(in int[3] v);
    int[2][3] rMatrix(in int[2][3] v);
    List<String> rList(in List<String> v);
    List<Data> rDataList(in List<Data> v);

    Kind rKind(Kind v);
    Kind[] rKinds(in Kind[] v);
    Wide rWide(Wide v);
    Data rData(in Data v);
    @nullable Data rNullableData(in @nullable Data v);
    Data[] rDatas(in Data[] v);
    Data.Inner rInner(in Data.Inner v);
    Value rValue(in Value v);
    Data defaults();

    IBinder rBinder(IBinder v);
    @nullable IBinder rNullableBinder(@nullable IBinder v);
    IBinder[] rBinders(in IBinder[] v);
    int callBack(ICallback cb, int v);
    ICallback multiplier(int factor);
    @nullable ICallback maybeCallback(in @nullable ICallback cb);
    ParcelFileDescriptor rFd(in ParcelFileDescriptor fd);
    @nullable ParcelFileDescriptor rNullableFd(in @nullable ParcelFileDescriptor fd);

    int[] outs(in int[] input, out int[] doubled, out Data filled, inout List<String> names);
    void bump(inout Data d);
    void reverseInPlace(inout int[] v);

    oneway void ping(int v);
    int waitPings(int count);

    void failServiceSpecific(int code, @utf8InCpp String message);
    void failNull();
    void failException();
}

/*
 * Everything an interface can carry.
 */
package sim.golden;

import sim.golden.Color;
import sim.golden.ICallback;
import sim.golden.Point;
import sim.golden.Shape;
import sim.golden.other.Remote;

interface IBasic {
    const int ANSWER = 42;
    const int MASK = 0xFF00 | (1 << 3);
    const int NEGATIVE = -ANSWER * 2;
    const int WRAPPED = 0xffffffff;
    const long BIG = 1L << 40;
    const byte SMALL = 127;
    const float RATIO = 1.5f;
    const double PI = 3.14159;
    const String NAME = "basic";
    const String GREETING = "hello, " + NAME;

    boolean repeatBoolean(boolean token);
    byte repeatByte(byte token);
    char repeatChar(char token);
    int repeatInt(int token);
    long repeatLong(long token);
    float repeatFloat(float token);
    double repeatDouble(double token);
    String repeatString(String token);
    @utf8InCpp String repeatUtf8(@utf8InCpp String token);
    @nullable String repeatNullableString(@nullable String token);
    Color repeatColor(Color token);

    int[] reverseInts(in int[] input, out int[] reversed);
    byte[] reverseBytes(in byte[] input, inout byte[] repeated);
    String[] reverseStrings(in String[] input, out String[] reversed);
    @nullable String[] nullableStrings(in @nullable String[] input);
    List<String> reverseList(in List<String> input, out List<String> reversed);
    Color[] reverseColors(in Color[] input, out Color[] reversed);
    int[3] fixedInts(in int[3] input, out int[3] output);
    int[2][3] fixedMatrix(in int[2][3] input);

    Point movePoint(in Point p, int dx, int dy);
    void fillPoint(out Point p);
    void touchPoint(inout Point p);
    @nullable Point maybePoint(in @nullable Point p);
    @nullable Point[] maybePoints(in @nullable Point[] ps);
    List<Point> pointList(in List<Point> ps);
    Shape repeatShape(in Shape s);
    Remote repeatRemote(in Remote r);

    IBinder takeBinder(IBinder b);
    @nullable IBinder takeNullableBinder(@nullable IBinder b);
    IBinder[] takeBinders(in IBinder[] bs, out IBinder[] copies);
    List<IBinder> binderList(in List<IBinder> bs);

    ParcelFileDescriptor repeatFd(in ParcelFileDescriptor fd);
    @nullable ParcelFileDescriptor maybeFd(in @nullable ParcelFileDescriptor fd);
    ParcelFileDescriptor[] repeatFds(in ParcelFileDescriptor[] fds, out ParcelFileDescriptor[] copies);

    void registerCallback(ICallback cb);
    @nullable ICallback getCallback(boolean returnNull);
    ICallback[] callbacks(in ICallback[] cbs);
    void nullableCallback(@nullable ICallback cb);

    oneway void fireAndForget(int code, String message);

    /** @deprecated use repeatInt instead */
    int oldRepeat(int token);
}

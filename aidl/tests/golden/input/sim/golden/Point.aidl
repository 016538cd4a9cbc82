package sim.golden;

import sim.golden.Color;
import sim.golden.ICallback;

parcelable Point {
    const int ORIGIN = 0;
    const String KIND = "point";

    int x;
    int y = 10;
    long id = Point.ORIGIN + 1;
    boolean visible = true;
    boolean hidden;
    byte b = -3;
    char c = 'x';
    char zero;
    float f = 2.5f;
    float fz;
    double d = 0.25;
    String label = "origin";
    @utf8InCpp String utf8Label;
    @nullable String note;
    @nullable String defaultedNote = "n";
    String[] tags = {"a", "b"};
    int[] numbers = {1, 2, 3};
    byte[] raw = {1, -1};
    int[4] quad;
    int[2] pair = {7, 8};
    Color color = Color.GREEN;
    Color[] colors = {Color.RED, Color.BLUE};
    List<String> names;
    @nullable List<String> maybeNames;
    IBinder binder;
    @nullable IBinder maybeBinder;
    ParcelFileDescriptor fd;
    ICallback callback;
    @nullable ICallback maybeCallback;
    @nullable(heap=true) Point next;
}

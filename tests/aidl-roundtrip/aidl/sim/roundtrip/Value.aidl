package sim.roundtrip;

import sim.roundtrip.Data;
import sim.roundtrip.Kind;

@RustDerive(Clone=true, PartialEq=true)
union Value {
    int number = 4;
    String text;
    Data data;
    Kind kind;
    long[] longs;
}

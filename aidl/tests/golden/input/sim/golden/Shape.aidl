package sim.golden;

import sim.golden.Color;
import sim.golden.ICallback;

union Shape {
    const String DEFAULT_NAME = "shape";

    int[] coords = {0, 0};
    float radius;
    String name;
    Color color;
    @nullable String maybe;
    ICallback callback;
    IBinder binder;
}

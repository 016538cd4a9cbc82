package sim.golden;

@RustDerive(Clone=true, PartialEq=true)
parcelable Pair {
    int first;
    int second;
}

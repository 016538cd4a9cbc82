package sim.golden;

@VintfStability
parcelable VintfData {
    int value;
}

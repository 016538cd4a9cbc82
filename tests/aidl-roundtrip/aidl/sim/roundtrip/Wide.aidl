package sim.roundtrip;

@Backing(type="long")
enum Wide { SMALL = 1, LARGE = 1L << 40 }

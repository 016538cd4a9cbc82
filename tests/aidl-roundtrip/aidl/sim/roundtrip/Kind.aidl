package sim.roundtrip;

@Backing(type="byte")
enum Kind { ZERO, FIVE = 5, SIX, MINUS = -1 }

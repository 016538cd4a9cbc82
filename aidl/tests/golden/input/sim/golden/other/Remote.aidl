package sim.golden.other;

import sim.golden.Small;

parcelable Remote {
    Small level = Small.TWO;
    String where;
}

package sim.golden;

import sim.golden.VintfData;

@VintfStability
interface IVintf {
    VintfData get();
}

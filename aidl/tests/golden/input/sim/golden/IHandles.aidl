package sim.golden;

import sim.golden.Handle;

interface IHandles {
    Handle exchange(in Handle h);
    void fill(out Handle h);
}

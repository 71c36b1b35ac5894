"""Moving data between vaults: clocks and (later) bundles and merge."""

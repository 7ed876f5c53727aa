# Tests of the package's shape: layers import only downwards, modules stay short and say their role.

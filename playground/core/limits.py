"""Every limit of the model of the world, in one place. The types check them (spec, config,
data); the CLI, the project loader and the widgets read them from here to say the range."""

MAX_HIDDEN_LAYERS = 10
MAX_UNITS = 64  # per hidden layer
MAX_INPUTS = 64  # raw input columns of a data set (a CSV may have more columns than the plane)
MAX_CLASSES = 6
MAX_POINTS = 100_000
MAX_COORDINATE = 1e6  # |x| and |target|: float32 and the plots handle it exactly enough
MAX_LEARNING_RATE = 1000.0
MAX_REG_RATE = 10.0
MAX_BATCH = MAX_POINTS
MAX_SEED = 2**31 - 1
MAX_STEPS = 10**9  # steps or epochs of one `train` command
MAX_PARAM = 1e3  # |activation parameter| (leaky α, elu α, step θ)
MAX_TEST_FRACTION = 0.9
MAX_FILE_BYTES = 256 * 2**20  # a CSV file
MAX_PROJECT_BYTES = 32 * 2**20  # a project file or its .npz (parsing 32 MB of JSON takes ~1 s)

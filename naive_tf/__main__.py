import sys

from naive_tf.cli import main

sys.exit(main())

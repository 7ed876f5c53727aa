# The test suite: one folder per layer of macros/, real-browser tests apart; shared helpers in support/.

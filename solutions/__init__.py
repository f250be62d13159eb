"""Solutions to the chapters' exercises, one module per chapter.

The solution to exercise N.K is named exercise_N_K in solutions/chapter_NN.py: a function or a class
to pass to naive_tf.exercises.check("N.K", ...), or the number to predict. Try the exercise first.
"""

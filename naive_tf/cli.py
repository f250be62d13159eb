"""python -m naive_tf train --recipe NAME: train a recipe on MNIST and report its validation and test accuracy."""

import argparse
import contextlib
import math
import os
import shlex
import sys

from naive_tf.callbacks import BackupAndRestore, ModelCheckpoint, RestoreOnly, StopOnInterrupt, TensorBoard
from naive_tf.checks import check_positive_int
from naive_tf.datasets import load_idx_folder, mnist, split_off_validation
from naive_tf.evaluation import evaluate
from naive_tf.loop import fit
from naive_tf.recipes import RECIPES
from naive_tf.seeding import set_seed
from naive_tf.workers import is_chief, run_workers

import tensorflow as tf


def positive_int(text: str) -> int:
    """argparse's type for --epochs and --batch-size: fit's own check, reported as a usage error."""
    value = int(text)  # argparse reports a ValueError here as "invalid positive_int value: 'two'"
    try:
        check_positive_int("it", value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def seed(text: str) -> int:
    """argparse's type for --seed: set_seed's own check, reported as a usage error."""
    value = int(text)
    try:
        set_seed(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m naive_tf", description="Train naive_tf networks on MNIST.")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a recipe and print its validation and test accuracy")
    train.add_argument(
        "--recipe", required=True, choices=sorted(RECIPES),
        help="; ".join(f"{name}: {recipe.description}" for name, recipe in sorted(RECIPES.items())),
    )
    train.add_argument("--epochs", type=positive_int, help="default: the recipe's")
    train.add_argument("--batch-size", type=positive_int, help="default: the recipe's")
    train.add_argument("--seed", type=seed, default=0, help="seed of every random generator (default: 0)")
    train.add_argument("--checkpoint-dir", help="folder to save a checkpoint in at the end of every epoch")
    restart = train.add_mutually_exclusive_group()
    restart.add_argument("--resume", action="store_true",
                         help="continue the run saved in --checkpoint-dir, if there is one")
    restart.add_argument("--overwrite", action="store_true",
                         help="start afresh, replacing the run saved in --checkpoint-dir")
    train.add_argument("--workers", type=positive_int,
                       help="train on N local worker processes with MultiWorkerMirroredStrategy")
    train.add_argument("--logdir", help="folder to write TensorBoard logs in (see `make tensorboard`)")
    data = train.add_mutually_exclusive_group()
    data.add_argument("--data-dir", help="folder holding the four official MNIST files (verified by SHA-256)")
    data.add_argument("--idx-dir", help="folder holding four files with MNIST's names and format (not verified)")
    return parser


def run_arguments(args: argparse.Namespace) -> dict:
    """What makes a run the run it is: a resumed run must have the same."""
    epochs, batch_size = resolved_epochs_and_batch_size(args)
    data = os.path.abspath(args.idx_dir) if args.idx_dir else "MNIST"
    return {"--recipe": args.recipe, "--epochs": epochs, "--batch-size": batch_size, "--seed": args.seed,
            "data": data}


def resolved_epochs_and_batch_size(args: argparse.Namespace) -> tuple[int, int]:
    recipe = RECIPES[args.recipe]
    return args.epochs or recipe.epochs, args.batch_size or recipe.batch_size


def callbacks(args: argparse.Namespace) -> list:
    """Ctrl-C stops after a batch; --checkpoint-dir saves every epoch, and with --resume first restores;
    --logdir logs for TensorBoard. Of several workers, the chief saves and logs; the others restore only."""
    chosen = [StopOnInterrupt()]
    if args.checkpoint_dir is not None and is_chief():
        checkpoint = BackupAndRestore if args.resume else ModelCheckpoint
        chosen.append(checkpoint(args.checkpoint_dir, overwrite=args.overwrite, arguments=run_arguments(args)))
    elif args.checkpoint_dir is not None and args.resume:
        chosen.append(RestoreOnly(args.checkpoint_dir, arguments=run_arguments(args)))
    if args.logdir is not None and is_chief():
        chosen.append(TensorBoard(args.logdir))
    return chosen


# The share of the training images held out for validation: 5,000 of MNIST's 60,000.
VALIDATION_SHARE = 12


def train(args: argparse.Namespace, chosen_callbacks: list, strategy: tf.distribute.Strategy | None = None) -> float:
    """Train on the training images less a held-out validation set; report the accuracy on that set
    (what choices between recipes are made on) and, once, on the test set."""
    recipe = RECIPES[args.recipe]
    set_seed(args.seed)
    if args.idx_dir is not None:
        (train_images, train_labels), (test_images, test_labels) = load_idx_folder(args.idx_dir)
    else:
        (train_images, train_labels), (test_images, test_labels) = mnist.load_data(args.data_dir)
    (train_images, train_labels), (validation_images, validation_labels) = split_off_validation(
        recipe.prepare_images(train_images), train_labels, size=max(1, len(train_images) // VALIDATION_SHARE)
    )
    with strategy.scope() if strategy else contextlib.nullcontext():
        model = recipe.build_model()
    epochs, batch_size = resolved_epochs_and_batch_size(args)
    fit(
        model,
        train_images,
        train_labels,
        epochs=epochs,
        batch_size=batch_size,
        optimizer=recipe.build_optimizer(epochs * math.ceil(len(train_images) / batch_size)),
        shuffle=recipe.shuffle,
        seed=args.seed,
        callbacks=chosen_callbacks,
        step=recipe.step if strategy is None else "graph",
        steps_per_execution=recipe.steps_per_execution,
        strategy=strategy,
    )
    print(f"validation accuracy: {evaluate(model, validation_images, validation_labels):.4f}")
    test_accuracy = evaluate(model, recipe.prepare_images(test_images), test_labels)
    print(f"test accuracy: {test_accuracy:.4f}")
    return test_accuracy


def interrupted(argv: list[str], chosen_callbacks: list) -> str:
    """One line for Ctrl-C: what was saved, and the command that continues from it."""
    saved = [callback.saved_epoch for callback in chosen_callbacks if isinstance(callback, ModelCheckpoint)]
    if not saved:
        return "interrupted; nothing was saved (--checkpoint-dir DIR saves every epoch)"
    if saved[0] is None:
        return "interrupted before the first epoch ended; nothing new was saved"
    return f"interrupted; epoch {saved[0]} is saved. Continue with: {resume_command(argv)}"


def resume_command(argv: list[str]) -> str:
    """The command that continues the run `argv` started from its last saved epoch."""
    command = ["python", "-m", "naive_tf", *(argument for argument in argv if argument != "--overwrite")]
    if "--resume" not in command:
        command.append("--resume")
    return shlex.join(command)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.resume and args.checkpoint_dir is None:
        parser.error("--resume needs --checkpoint-dir, the folder to resume from")
    if args.overwrite and args.checkpoint_dir is None:
        parser.error("--overwrite needs --checkpoint-dir, the folder whose run to replace")
    if args.workers and "TF_CONFIG" not in os.environ:
        return start_workers(parser, args, argv)
    # A worker of a multi-worker run (TF_CONFIG names the cluster) trains with the others. Its strategy
    # must exist before TensorFlow runs anything, a callback's variable included.
    strategy = tf.distribute.MultiWorkerMirroredStrategy() if args.workers else None
    chosen_callbacks = callbacks(args)
    try:
        train(args, chosen_callbacks, strategy)
    except KeyboardInterrupt:
        parser.exit(130, interrupted(argv, chosen_callbacks) + "\n")
    except (OSError, ValueError, TypeError, FloatingPointError) as error:
        parser.exit(1, f"error: {error}\n")
    return 0


def start_workers(parser: argparse.ArgumentParser, args: argparse.Namespace, argv: list[str]) -> int:
    """--workers N: the same command as N worker processes; every one is stopped when this one ends."""
    try:
        return run_workers(args.workers, argv)
    except KeyboardInterrupt:
        parser.exit(130, "interrupted; every worker was stopped\n")
    except RuntimeError as error:
        if args.checkpoint_dir is not None:
            error = f"{error}. Continue from the last saved epoch with: {resume_command(argv)}"
        parser.exit(1, f"error: {error}\n")

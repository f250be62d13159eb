"""python -m naive_tf train --recipe NAME: train a recipe on MNIST and report its test accuracy."""

import argparse
import math
from typing import Optional

from naive_tf.datasets import load_idx_folder, mnist
from naive_tf.evaluation import evaluate
from naive_tf.fit import fit
from naive_tf.recipes import RECIPES
from naive_tf.seeding import set_seed


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m naive_tf", description="Train naive_tf networks on MNIST.")
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a recipe and print its test accuracy")
    train.add_argument(
        "--recipe", required=True, choices=sorted(RECIPES),
        help="; ".join(f"{name}: {recipe.description}" for name, recipe in sorted(RECIPES.items())),
    )
    train.add_argument("--epochs", type=positive_int, help="default: the recipe's")
    train.add_argument("--batch-size", type=positive_int, help="default: the recipe's")
    train.add_argument("--seed", type=int, default=0, help="seed of every random generator (default: 0)")
    train.add_argument("--checkpoint-dir", help="folder to save a checkpoint in at the end of every epoch")
    train.add_argument("--resume", action="store_true",
                       help="continue from the latest checkpoint in --checkpoint-dir, if there is one")
    data = train.add_mutually_exclusive_group()
    data.add_argument("--data-dir", help="folder holding the four official MNIST files (verified by SHA-256)")
    data.add_argument("--idx-dir", help="folder holding four files with MNIST's names and format (not verified)")
    return parser


def train(args: argparse.Namespace) -> float:
    recipe = RECIPES[args.recipe]
    set_seed(args.seed)
    if args.idx_dir is not None:
        (train_images, train_labels), (test_images, test_labels) = load_idx_folder(args.idx_dir)
    else:
        (train_images, train_labels), (test_images, test_labels) = mnist.load_data(args.data_dir)
    model = recipe.build_model()
    epochs, batch_size = args.epochs or recipe.epochs, args.batch_size or recipe.batch_size
    steps = epochs * math.ceil(len(train_images) / batch_size)
    fit(
        model,
        recipe.prepare_images(train_images),
        train_labels,
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=recipe.learning_rate,
        optimizer=recipe.build_optimizer(steps) if recipe.build_optimizer else None,
        shuffle=recipe.shuffle,
        jit_compile=recipe.jit_compile,
        seed=args.seed,
        checkpoint_dir=args.checkpoint_dir,
        resume=args.resume,
    )
    test_accuracy = evaluate(model, recipe.prepare_images(test_images), test_labels)
    print(f"test accuracy: {test_accuracy:.4f}")
    return test_accuracy


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.resume and args.checkpoint_dir is None:
        parser.error("--resume needs --checkpoint-dir, the folder to resume from")
    try:
        train(args)
    except (FileNotFoundError, ValueError, FloatingPointError) as error:
        parser.exit(1, f"error: {error}\n")
    return 0

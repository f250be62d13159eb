"""The figure of a checkpoint folder: drawn from the real listing, with names and sizes, never a path."""

from naive_tf import NaiveDense, NaiveSequential, checkpoints
from naive_tf.diagrams.checkpoint_files import draw_checkpoint_files

import matplotlib.pyplot as plt
import pytest
from figures import texts
from matplotlib.figure import Figure


def figure_texts(figure: Figure) -> str:
    """Every text the figure shows, its title included, as one string."""
    return "\n".join(texts(figure))


def fake_checkpoint(folder, number: int, data_sizes=(1000,)) -> None:
    """The files a save of ckpt-<number> leaves, with made-up contents of known sizes."""
    folder.mkdir()
    (folder / "checkpoint").write_text(f'model_checkpoint_path: "ckpt-{number}"\n'
                                       f'all_model_checkpoint_paths: "ckpt-{number}"\n')
    (folder / f"ckpt-{number}.index").write_bytes(bytes(321))
    for shard, size in enumerate(data_sizes):
        (folder / f"ckpt-{number}.data-{shard:05d}-of-{len(data_sizes):05d}").write_bytes(bytes(size))
    (folder / ".lock").touch()


def test_the_figure_names_each_file_with_its_size_and_the_next_save(tmp_path):
    fake_checkpoint(tmp_path / "weights", 2, data_sizes=(407_504,))
    figure = draw_checkpoint_files(tmp_path / "weights")
    texts = figure_texts(figure)
    assert isinstance(figure, Figure)
    for expected in ["weights: the files of ckpt-2", "checkpoint is ckpt-2", "ckpt-2.index\n321 bytes",
                     "ckpt-2.data-00000-of-00001\n407,504 bytes", "checkpoint\n69 bytes",
                     "1. write ckpt-3.index", "rename it over checkpoint", "3. delete ckpt-2.index",
                     "also in the folder: .lock (0 bytes)"]:
        assert expected in texts
    assert str(tmp_path) not in texts
    plt.close(figure)


def test_several_shards_are_drawn_as_one_box_with_their_total_size(tmp_path):
    fake_checkpoint(tmp_path / "big", 7, data_sizes=(100, 250))
    figure = draw_checkpoint_files(tmp_path / "big")
    texts = figure_texts(figure)
    assert "ckpt-7.data-… (2 shards)\n350 bytes" in texts
    assert "also in the folder: .lock" in texts and "data-00001-of-00002 (" not in texts
    plt.close(figure)


def test_a_folder_saved_by_save_weights_is_drawn_with_its_latest_checkpoint(tmp_path):
    model = NaiveSequential([NaiveDense(3, 2)])
    for _ in range(2):
        checkpoints.save_weights(model, tmp_path / "saved")
    figure = draw_checkpoint_files(tmp_path / "saved")
    texts = figure_texts(figure)
    assert "checkpoint is ckpt-2" in texts and "3. delete ckpt-2.index" in texts and "ckpt-1." not in texts
    plt.close(figure)


@pytest.mark.parametrize("damage, message", [
    (lambda folder: (folder / "checkpoint").unlink(), "holds no index naming a checkpoint"),
    (lambda folder: (folder / "ckpt-4.index").unlink(), "names ckpt-4, but its .index or .data files are missing"),
])
def test_a_folder_without_a_whole_checkpoint_is_refused_by_name(tmp_path, damage, message):
    fake_checkpoint(tmp_path / "broken", 4)
    damage(tmp_path / "broken")
    with pytest.raises(ValueError, match=message) as error:
        draw_checkpoint_files(tmp_path / "broken")
    assert "broken" in str(error.value) and str(tmp_path) not in str(error.value)
    plt.close("all")

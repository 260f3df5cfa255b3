# Sourced by run.sh and shapley.sh with $here set: sets $python to an interpreter with the
# Python peers. The python3 on PATH when it has them, else a virtual environment made in
# $here/.venv once with the pinned versions of requirements.txt ($PYTHON overrides both).
python=${PYTHON:-python3}
if [ -z "${PYTHON:-}" ] && ! python3 -c 'import torch, transformers, captum, shap, threadpoolctl' 2>/dev/null; then
    [ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
    "$here/.venv/bin/python" -m pip install -q -r "$here/requirements.txt" >&2
    python="$here/.venv/bin/python"
fi

"""Why the library refuses a table or a release: a stable code, its parameters, an English sentence.

The code and the parameters are the contract: the statistics app translates each code into the
reader's language with the parameters filled in. The English sentence of ``str()`` is for the
command line and the logs.
"""

from __future__ import annotations

# One sentence per code; ``{name}`` is filled from the refusal's parameters.
MESSAGES: dict[str, str] = {
    # Dimensions and their hierarchies.
    "no_dimensions": "A table needs at least one dimension.",
    "duplicate_dimension": "The dimension '{dimension}' is named twice.",
    "empty_dimension": "The dimension '{dimension}' has no codes.",
    "duplicate_code": "The dimension '{dimension}' lists the code '{code}' twice.",
    "unknown_parent": "In the dimension '{dimension}', the code '{code}' has the parent '{parent}', which is not one of its codes.",
    "hierarchy_cycle": "In the dimension '{dimension}', the code '{code}' is its own ancestor.",
    "not_one_total": "The dimension '{dimension}' must have exactly one code without a parent (its total); it has {roots}.",
    # Counts and microdata.
    "unknown_dimension": "There is no dimension '{dimension}'; the dimensions are: {dimensions}.",
    "unknown_code": "The dimension '{dimension}' has no code '{code}'.",
    "not_a_leaf": "Record {record}: '{code}' in the dimension '{dimension}' is a total, not a category a person can be counted in.",
    "missing_value": "Record {record} has no value for the dimension '{dimension}'.",
    "not_a_count": "The cell {cell} holds {value}, which is not a whole number.",
    "negative_count": "The cell {cell} holds {value}: a count cannot be negative.",
    "totals_do_not_add_up": "The cell {cell} is given as {stated}, but the cells under it add up to {computed}.",
    "structural_zero_not_zero": "The cell {cell} is declared impossible (a structural zero) but holds {value}.",
    "key_sum_not_a_leaf": "The key sum of {cell} is given for a total: key sums are given for the finest cells only.",
    "missing_record_key": "Record {record} has no record key.",
    "record_key_out_of_range": "Record {record} has the record key {key}; keys run from 0 to {largest}.",
    # Tables of a release.
    "unknown_table": "There is no table '{table}' in this release.",
    "duplicate_table": "The table '{table}' is named twice in one release.",
    # Suppression.
    "cannot_protect": "The cell {cell} cannot be protected: no pattern of suppressed cells makes its value uncertain enough.",
    "suppress_everything": "Every non-empty cell of the table '{table}' would have to be suppressed: there is nothing to publish.",
    "audit_failed": "The suppression pattern leaves {count} cells recoverable: {cells}.",
    "differencing": "Publishing {tables} would reveal {cells} by difference with what was already published ({published}).",
    "inconsistent_ledger": "The cell {cell} was published as {published} in '{table}' ({release}), but the data now give {value}.",
    # Cell-key perturbation.
    "no_record_keys": "The table was built without record keys, so its cells have no cell keys to perturb with.",
    "bad_ptable": "The perturbation table is not usable: {reason}.",
    "ptable_key_range": "The perturbation table's cell keys run from 0 to {largest}, but the record keys run from 0 to {keys}.",
}

REFUSAL_CODES: frozenset[str] = frozenset(MESSAGES)


class DisclosureRefused(Exception):
    """A table, a pattern or a release that the library refuses, and why.

    ``code`` is one of ``REFUSAL_CODES``; ``params`` holds the values its message names. Cells
    are named as ``{"dimension": "code", ...}`` dictionaries (a dimension absent is at its total).
    """

    def __init__(self, code: str, /, **params: object) -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown refusal code {code!r}")
        self.code = code
        self.params: dict[str, object] = params
        super().__init__(code, params)

    def __str__(self) -> str:
        shown = {key: _shown(value) for key, value in self.params.items()}
        return MESSAGES[self.code].format(**shown)

    def __reduce__(self) -> tuple[object, tuple[str, dict[str, object]]]:
        # Keyword parameters do not survive Exception's default pickling (a job may carry the error).
        return _rebuild, (self.code, self.params)

    def __repr__(self) -> str:
        return f"DisclosureRefused({self.code!r}, {self.params!r})"


def _shown(value: object) -> object:
    if isinstance(value, dict):
        return "(" + ", ".join(f"{key}={code}" for key, code in value.items()) + ")" if value else "(total)"
    if isinstance(value, list | tuple):
        return ", ".join(str(_shown(item)) for item in value)
    return value


def _rebuild(code: str, params: dict[str, object]) -> DisclosureRefused:
    return DisclosureRefused(code, **params)

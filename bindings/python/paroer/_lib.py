"""Loading libparoer and declaring the C functions the binding calls.

Internal module: the public API is in :mod:`paroer`.

The library is found as follows:

1. the environment variable ``PAROER_LIBRARY``, if set, names the file to load
   (an absolute path, or a name the dynamic loader resolves);
2. a copy installed by ``cmake --install`` loads the library installed with it:
   ``paroer/_installed.py`` (written at install time) gives the library
   directory relative to the package, so a moved prefix still works;
3. otherwise ``libparoer.so.1`` (the ABI this binding was written for) is
   loaded through the dynamic loader (``LD_LIBRARY_PATH``, ``ldconfig`` cache,
   the default directories);
4. otherwise whatever :func:`ctypes.util.find_library` finds for ``paroer``.

If none of them loads, :class:`LibraryNotFound` (an :class:`ImportError`)
names every place that was tried. A library whose ``paroer_abi_version()``
is not one this binding knows is refused with :class:`AbiMismatch`.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t,
                    c_uint32, c_uint64, c_void_p)
from typing import Any, Callable, Dict, List, Optional, Tuple

#: ABI versions (the N of libparoer.so.N) this binding knows how to call.
KNOWN_ABI_VERSIONS = (1,)

#: The soname tried when PAROER_LIBRARY is not set.
SONAME = "libparoer.so.1"


class LibraryNotFound(ImportError):
    """libparoer could not be loaded; the message names every place tried."""


class AbiMismatch(ImportError):
    """The loaded libparoer has an ABI version this binding does not know."""


def _installed_library() -> Optional[str]:
    """The library installed with this copy of the package (None in the source tree or a pip install)."""
    try:
        from . import _installed  # type: ignore[attr-defined]
    except ImportError:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, _installed.LIBDIR, _installed.SONAME))


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []
    env = os.environ.get("PAROER_LIBRARY")
    if env:
        try:
            return ctypes.CDLL(env), env
        except OSError as exc:
            raise LibraryNotFound(
                f"cannot load libparoer from PAROER_LIBRARY={env!r}: {exc}") from None
    candidates = []
    installed = _installed_library()
    if installed:
        candidates.append(installed)
    candidates.append(SONAME)
    found = ctypes.util.find_library("paroer")
    if found and found not in candidates:
        candidates.append(found)
    for name in candidates:
        try:
            return ctypes.CDLL(name), name
        except OSError as exc:
            tried.append(f"{name!r} ({exc})")
    if not found:
        tried.append("ctypes.util.find_library('paroer') (found nothing)")
    raise LibraryNotFound(
        "cannot find libparoer; tried: " + "; ".join(tried)
        + ". Install libparoer (libparoer.so.1) or set PAROER_LIBRARY to the path of libparoer.so.1.")


lib, LIBRARY_PATH = _load()

try:
    _abi_fn = lib.paroer_abi_version
except AttributeError:
    raise AbiMismatch(f"{LIBRARY_PATH} has no paroer_abi_version(): it is not libparoer") from None
_abi_fn.restype = c_int
_abi_fn.argtypes = []
ABI_VERSION: int = _abi_fn()
if ABI_VERSION not in KNOWN_ABI_VERSIONS:
    raise AbiMismatch(
        f"{LIBRARY_PATH} has ABI version {ABI_VERSION}; this binding knows ABI version(s) "
        + ", ".join(str(v) for v in KNOWN_ABI_VERSIONS))

# ---- C types ---------------------------------------------------------------------

DATE_NONE = -2147483648   # PAROER_DATE_NONE (INT32_MIN)
INT32_MAX = 2147483647


class ErrorInfo(Structure):
    """paroer_error_info (common.h); fields are only ever appended."""
    _fields_ = [("code", c_int), ("message", c_char_p), ("source", c_char_p), ("line", c_int64),
                ("column", c_int64), ("byte_offset", c_int64), ("path", c_char_p)]


class LoadOptions(Structure):
    """paroer_load_options (catalog.h), version 1."""
    _fields_ = [("version", c_uint32), ("allocator", c_void_p), ("diagnostics", c_void_p),
                ("flags", c_uint32), ("max_errors", c_uint32)]


class MatchOptions(Structure):
    """paroer_match_options (match.h), version 2."""
    _fields_ = [("version", c_uint32), ("date", c_int32), ("top", c_uint32), ("explain", c_int),
                ("allocator", c_void_p), ("possible", c_int)]


class CoverageOptions(Structure):
    """paroer_coverage_options (coverage.h), version 2."""
    _fields_ = [("version", c_uint32), ("date", c_int32), ("municipality", c_int32),
                ("population", c_void_p), ("min_cell", c_uint32), ("allocator", c_void_p),
                ("lang", c_int32), ("max_unmet", c_uint32),
                # version 2
                ("population_file", c_char_p), ("population_load", c_void_p), ("threads", c_uint32),
                ("parallel_for", c_void_p), ("parallel_ctx", c_void_p)]


class HsdsOptions(Structure):
    """paroer_hsds_options (hsds.h), version 1."""
    _fields_ = [("version", c_uint32), ("hsds_version", c_int32), ("flags", c_uint32), ("allocator", c_void_p),
                ("diagnostics", c_void_p), ("max_errors", c_uint32), ("municipality", c_int32), ("date", c_int32)]


HSDS_OPTIONS_VERSION = 1
HSDS_STRICT, HSDS_GUESS_KIND = 1, 2


class ReportOptions(Structure):
    """paroer_report_options (report.h), version 1."""
    _fields_ = [("version", c_uint32), ("lang", c_int32), ("age_band", c_int32), ("sources", POINTER(c_char_p)),
                ("source_count", c_size_t), ("population_name", c_char_p), ("allocator", c_void_p)]


REPORT_OPTIONS_VERSION = 1
LOAD_OPTIONS_VERSION = 1
MATCH_OPTIONS_VERSION = 2
#: PAROER_UNKNOWN (relative.h)
C_UNKNOWN = -2
COVERAGE_OPTIONS_VERSION = 2
OVERVIEW_OPTIONS_VERSION = 1


class OverviewOptions(Structure):
    """paroer_overview_options (overview.h), version 1."""
    _fields_ = [("version", c_uint32), ("date", c_int32), ("municipalities", POINTER(c_int32)),
                ("n_municipalities", c_size_t), ("allocator", c_void_p)]
LOAD_STRICT = 1

#: paroer_match_cb
MATCH_CB = CFUNCTYPE(c_int, c_size_t, c_void_p, c_void_p)

P = c_void_p
_I, _U32, _I32, _I64, _SZ, _S, _D, _U64 = c_int, c_uint32, c_int32, c_int64, c_size_t, c_char_p, c_double, c_uint64
PP = POINTER(c_void_p)

# name: (restype, argtypes). Functions absent from the loaded library are left
# out of `fn` and raise NotImplementedError through `need()`.
_PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    # common.h
    "paroer_error_last": (POINTER(ErrorInfo), []),
    "paroer_error_clear": (None, []),
    "paroer_strerror": (_S, [_I]),
    "paroer_free": (None, [P]),
    "paroer_date_today": (_I32, []),
    "paroer_version": (_S, []),
    "paroer_version_number": (_U32, []),
    # vocab.h
    "paroer_vocab_list_count": (_I32, []),
    "paroer_vocab_list_name": (_S, [_I32]),
    "paroer_vocab_count": (_I32, [_I32]),
    "paroer_vocab_code": (_S, [_I32, _I32]),
    "paroer_vocab_label": (_S, [_I32, _I32, _I32]),
    "paroer_kind_default_needs": (_U32, [_I32]),
    "paroer_age_band_of": (_I32, [_I32]),
    "paroer_age_band_range": (_I, [_I32, POINTER(_I32), POINTER(_I32)]),
    # diagnostics.h
    "paroer_diagnostics_new": (_I, [PP, P]),
    "paroer_diagnostics_free": (None, [P]),
    "paroer_diagnostics_count": (_SZ, [P]),
    "paroer_diagnostics_error_count": (_SZ, [P]),
    "paroer_diagnostic_severity": (_I, [P, _SZ]),
    "paroer_diagnostic_code": (_I, [P, _SZ]),
    "paroer_diagnostic_message": (_S, [P, _SZ]),
    "paroer_diagnostic_source": (_S, [P, _SZ]),
    "paroer_diagnostic_path": (_S, [P, _SZ]),
    "paroer_diagnostic_line": (_I64, [P, _SZ]),
    "paroer_diagnostic_column": (_I64, [P, _SZ]),
    "paroer_diagnostic_text": (_S, [P, _SZ]),
    # catalog.h
    "paroer_load_options_init": (_I, [POINTER(LoadOptions), _U32]),
    "paroer_catalog_load_file": (_I, [PP, _S, POINTER(LoadOptions)]),
    "paroer_catalog_load_buffer": (_I, [PP, _S, _SZ, _S, POINTER(LoadOptions)]),
    "paroer_catalog_load_files": (_I, [PP, POINTER(_S), _SZ, POINTER(LoadOptions)]),
    "paroer_catalog_merge": (_I, [PP, PP, _SZ, POINTER(LoadOptions)]),
    "paroer_catalog_to_json": (_I, [P, POINTER(c_void_p), POINTER(_SZ)]),
    # hsds.h
    "paroer_hsds_options_init": (_I, [POINTER(HsdsOptions), _U32]),
    "paroer_catalog_to_hsds": (_I, [P, POINTER(HsdsOptions), POINTER(c_void_p), POINTER(_SZ)]),
    "paroer_catalog_from_hsds_file": (_I, [PP, _S, POINTER(HsdsOptions)]),
    "paroer_catalog_from_hsds_files": (_I, [PP, POINTER(_S), _SZ, POINTER(HsdsOptions)]),
    "paroer_catalog_from_hsds_buffer": (_I, [PP, _S, _SZ, _S, POINTER(HsdsOptions)]),
    "paroer_hsds_detect": (_I, [_S, _SZ]),
    "paroer_catalog_free": (None, [P]),
    "paroer_catalog_municipality": (_I32, [P]),
    "paroer_catalog_memory_size": (_SZ, [P]),
    "paroer_catalog_provider_count": (_SZ, [P]),
    "paroer_catalog_provider": (P, [P, _SZ]),
    "paroer_catalog_offer_count": (_SZ, [P]),
    "paroer_catalog_offer": (P, [P, _SZ]),
    "paroer_catalog_policy_count": (_SZ, [P]),
    "paroer_catalog_policy": (P, [P, _SZ]),
    "paroer_catalog_find_offer": (P, [P, _S]),
    "paroer_catalog_policy_for": (P, [P, _I32, _I32]),
    "paroer_catalog_find_by_code": (_SZ, [P, _S, _S, PP, _SZ]),
    "paroer_provider_id": (_S, [P]),
    "paroer_provider_name": (_S, [P]),
    "paroer_provider_kind": (_I32, [P]),
    "paroer_provider_area": (_I32, [P]),
    "paroer_offer_index": (_SZ, [P]),
    "paroer_offer_id": (_S, [P]),
    "paroer_offer_name": (_S, [P]),
    "paroer_offer_description": (_S, [P]),
    "paroer_offer_schedule": (_S, [P]),
    "paroer_offer_source": (_S, [P]),
    "paroer_offer_contact_phone": (_S, [P]),
    "paroer_offer_contact_email": (_S, [P]),
    "paroer_offer_contact_url": (_S, [P]),
    "paroer_offer_provider": (P, [P, P]),
    "paroer_offer_kind": (_I32, [P]),
    "paroer_offer_access": (_I32, [P]),
    "paroer_offer_status": (_I32, [P]),
    "paroer_offer_needs": (_U32, [P]),
    "paroer_offer_modes": (_U32, [P]),
    "paroer_offer_slots": (_U32, [P]),
    "paroer_offer_nationwide": (_I, [P]),
    "paroer_offer_municipality_count": (_SZ, [P]),
    "paroer_offer_municipality": (_I32, [P, _SZ]),
    "paroer_offer_language_count": (_SZ, [P]),
    "paroer_offer_language": (_S, [P, P, _SZ]),
    "paroer_offer_capacity": (_I64, [P]),
    "paroer_offer_cost_free": (_I, [P]),
    "paroer_offer_price_dkk": (_D, [P]),
    "paroer_offer_valid_from": (_I32, [P]),
    "paroer_offer_valid_to": (_I32, [P]),
    "paroer_offer_verified": (_I32, [P]),
    "paroer_offer_legal_basis_count": (_SZ, [P]),
    "paroer_offer_legal_basis": (_S, [P, _SZ]),
    "paroer_offer_code_count": (_SZ, [P]),
    "paroer_offer_code_system": (_S, [P, _SZ]),
    "paroer_offer_code_value": (_S, [P, _SZ]),
    "paroer_offer_target": (P, [P]),
    "paroer_offer_is_live": (_I, [P, _I32, _I32]),
    "paroer_target_relative_age_min": (_I32, [P]),
    "paroer_target_relative_age_max": (_I32, [P]),
    "paroer_target_cared_for_age_min": (_I32, [P]),
    "paroer_target_cared_for_age_max": (_I32, [P]),
    "paroer_target_relations": (_U32, [P]),
    "paroer_target_conditions": (_U32, [P]),
    "paroer_target_requires": (_U32, [P]),
    "paroer_target_bereaved": (_I32, [P]),
    "paroer_target_overlaps": (_I, [P, P]),
    "paroer_policy_id": (_S, [P]),
    "paroer_policy_title": (_S, [P]),
    "paroer_policy_source": (_S, [P]),
    "paroer_policy_municipality": (_I32, [P]),
    "paroer_policy_adopted": (_I32, [P]),
    "paroer_policy_valid_to": (_I32, [P]),
    "paroer_policy_areas": (_U32, [P]),
    "paroer_policy_goal_count": (_SZ, [P]),
    "paroer_policy_goal": (P, [P, _SZ]),
    "paroer_policy_action_plan_count": (_SZ, [P]),
    "paroer_policy_action_plan_title": (_S, [P, _SZ]),
    "paroer_policy_action_plan_due": (_I32, [P, _SZ]),
    "paroer_policy_action_plan_adopted": (_I32, [P, _SZ]),
    "paroer_goal_id": (_S, [P]),
    "paroer_goal_title": (_S, [P]),
    "paroer_goal_category": (_I32, [P]),
    "paroer_goal_needs": (_U32, [P]),
    "paroer_goal_kinds": (_U32, [P]),
    "paroer_goal_is_organisational": (_I, [P]),
    "paroer_goal_target": (P, [P]),
    "paroer_goal_realised_by": (_I, [P, P, _I32]),
    # builder.h
    "paroer_catalog_builder_new": (_I, [PP, POINTER(LoadOptions)]),
    "paroer_catalog_builder_free": (None, [P]),
    "paroer_builder_set_municipality": (_I, [P, _I32]),
    "paroer_builder_add_provider": (_I, [P, _S, _S, _I32, _I32]),
    "paroer_builder_begin_offer": (_I, [P, _S, _S, _I32]),
    "paroer_builder_end_offer": (_I, [P]),
    "paroer_builder_begin_policy": (_I, [P, _S, _I32, _S]),
    "paroer_builder_begin_goal": (_I, [P, _S, _S, _I32]),
    "paroer_builder_end_goal": (_I, [P]),
    "paroer_builder_add_action_plan": (_I, [P, _S, _I32, _I32]),
    "paroer_builder_end_policy": (_I, [P]),
    "paroer_builder_set_text": (_I, [P, _I32, _S]),
    "paroer_builder_set_int": (_I, [P, _I32, _I64]),
    "paroer_builder_set_double": (_I, [P, _I32, _D]),
    "paroer_builder_add": (_I, [P, _I32, _I32]),
    "paroer_builder_add_text": (_I, [P, _I32, _S]),
    "paroer_builder_add_code": (_I, [P, _S, _S]),
    "paroer_builder_add_catalog": (_I, [P, P]),
    "paroer_catalog_builder_finish": (_I, [P, PP]),
    # relative.h
    "paroer_relative_new": (_I, [PP, _S, _I32, _I32, P]),
    "paroer_relative_load_file": (_I, [PP, _S, POINTER(LoadOptions)]),
    "paroer_relative_load_buffer": (_I, [PP, _S, _SZ, _S, POINTER(LoadOptions)]),
    "paroer_relative_free": (None, [P]),
    "paroer_relative_set_employed": (_I, [P, _I]),
    "paroer_relative_add_need": (_I, [P, _I32]),
    "paroer_relative_add_mode": (_I, [P, _I32]),
    "paroer_relative_add_slot": (_I, [P, _I32]),
    "paroer_relative_add_language": (_I, [P, _S]),
    "paroer_relative_add_relation": (_I, [P, _I32, POINTER(_SZ)]),
    "paroer_relative_relation_add_condition": (_I, [P, _SZ, _I32]),
    "paroer_relative_relation_set_cared_for_age": (_I, [P, _SZ, _I32]),
    "paroer_relative_relation_set_hours": (_I, [P, _SZ, _D]),
    "paroer_relative_relation_set_flag": (_I, [P, _SZ, _I32, _I]),
    "paroer_relative_id": (_S, [P]),
    "paroer_relative_age": (_I32, [P]),
    "paroer_relative_municipality": (_I32, [P]),
    "paroer_relative_employed": (_I, [P]),
    "paroer_relative_needs": (_U32, [P]),
    "paroer_relative_modes": (_U32, [P]),
    "paroer_relative_slots": (_U32, [P]),
    "paroer_relative_language_count": (_SZ, [P]),
    "paroer_relative_language": (_S, [P, _SZ]),
    "paroer_relative_relation_count": (_SZ, [P]),
    "paroer_relative_relation_kind": (_I32, [P, _SZ]),
    "paroer_relative_relation_conditions": (_U32, [P, _SZ]),
    "paroer_relative_relation_cared_for_age": (_I32, [P, _SZ]),
    "paroer_relative_relation_hours": (_D, [P, _SZ]),
    "paroer_relative_relation_flags": (_U32, [P, _SZ]),
    # match.h
    "paroer_match_options_init": (_I, [POINTER(MatchOptions), _U32]),
    "paroer_fact_code": (_S, [_I32]),
    "paroer_match_result_has_unknowns": (_I, [P]),
    "paroer_match_result_missing_count": (_SZ, [P, _SZ]),
    "paroer_match_result_missing": (_I32, [P, _SZ, _SZ]),
    "paroer_match_result_question_count": (_SZ, [P]),
    "paroer_match_result_question_fact": (_I32, [P, _SZ]),
    "paroer_match_result_question_relation": (_I32, [P, _SZ]),
    "paroer_match_result_question_decided": (_U64, [P, _SZ]),
    "paroer_match_result_question_answers": (_U32, [P, _SZ]),
    "paroer_match_result_question_code": (_SZ, [P, _SZ, c_char_p, _SZ]),
    "paroer_relative_set_age": (_I, [P, _I32]),
    "paroer_relative_set_age_range": (_I, [P, _I32, _I32]),
    "paroer_relative_age_min": (_I32, [P]),
    "paroer_relative_age_max": (_I32, [P]),
    "paroer_relative_employed_state": (_I, [P]),
    "paroer_relative_has_unknowns": (_I, [P]),
    "paroer_relative_relation_set_conditions_unknown": (_I, [P, _SZ]),
    "paroer_relative_relation_conditions_known": (_I, [P, _SZ]),
    "paroer_relative_relation_flag": (_I, [P, _SZ, _I32]),
    "paroer_relative_relation_unknown_flags": (_U32, [P, _SZ]),
    "paroer_match_rule_code": (_S, [_I32, _I32]),
    "paroer_match_outcome_code": (_S, [_I32]),
    "paroer_match": (_I, [PP, P, P, POINTER(MatchOptions)]),
    "paroer_match_result_free": (None, [P]),
    "paroer_match_result_relative_id": (_S, [P]),
    "paroer_match_result_date": (_I32, [P]),
    "paroer_match_result_explained": (_I, [P]),
    "paroer_match_result_outcome_count": (_SZ, [P, _I32]),
    "paroer_match_result_count": (_SZ, [P]),
    "paroer_match_result_offer": (P, [P, _SZ]),
    "paroer_match_result_outcome": (_I32, [P, _SZ]),
    "paroer_match_result_score": (_I32, [P, _SZ]),
    "paroer_match_result_relation": (_I32, [P, _SZ]),
    "paroer_match_result_reason_count": (_SZ, [P, _SZ]),
    "paroer_match_result_reason": (_S, [P, _SZ, _SZ]),
    "paroer_match_result_excluded_count": (_SZ, [P]),
    "paroer_match_result_excluded_offer": (P, [P, _SZ]),
    "paroer_match_result_excluded_rule": (_I32, [P, _SZ]),
    "paroer_match_result_excluded_flag": (_I32, [P, _SZ]),
    "paroer_match_result_excluded_code": (_S, [P, _SZ]),
    "paroer_match_result_to_json": (_I, [P, POINTER(c_void_p), POINTER(_SZ)]),
    "paroer_match_batch": (_I, [P, PP, _SZ, POINTER(MatchOptions), MATCH_CB, P]),
    # population.h
    "paroer_population_load_file": (_I, [PP, _S, POINTER(LoadOptions)]),
    "paroer_population_load_buffer": (_I, [PP, _S, _SZ, _S, POINTER(LoadOptions)]),
    "paroer_population_free": (None, [P]),
    "paroer_population_count": (_SZ, [P]),
    "paroer_population_relation_total": (_SZ, [P]),
    "paroer_population_rejected_rows": (_SZ, [P]),
    "paroer_population_source": (_S, [P]),
    "paroer_population_find": (_I64, [P, _S]),
    "paroer_population_id": (_S, [P, _SZ]),
    "paroer_population_relative": (_I, [PP, P, _SZ, P]),
    # statutory.h
    "paroer_statutory_path": (_I, [c_char_p, _SZ]),
    "paroer_data_path": (_I, [c_char_p, _SZ, c_char_p]),
    "paroer_catalog_load_with_statutory": (_I, [PP, POINTER(_S), _SZ, POINTER(LoadOptions)]),
    # klcodes.h
    "paroer_kl_count": (_SZ, []),
    "paroer_kl_system": (_S, [_SZ]),
    "paroer_kl_code": (_S, [_SZ]),
    "paroer_kl_label": (_S, [_SZ]),
    "paroer_kl_note": (_S, [_SZ]),
    "paroer_kl_list": (_I32, [_SZ]),
    "paroer_kl_value": (_I32, [_SZ]),
    # coverage.h
    "paroer_coverage_options_init": (_I, [POINTER(CoverageOptions), _U32]),
    "paroer_coverage_compute": (_I, [PP, P, POINTER(CoverageOptions)]),
    "paroer_coverage_free": (None, [P]),
    "paroer_coverage_to_json": (_I, [P, POINTER(c_void_p), POINTER(_SZ)]),
    # report.h, municipality.h
    "paroer_report_options_init": (_I, [POINTER(ReportOptions), _U32]),
    "paroer_report_html": (_I, [P, P, POINTER(ReportOptions), POINTER(c_void_p), POINTER(_SZ)]),
    "paroer_municipality_name": (_S, [_I32]),
    # overview.h
    "paroer_overview_options_init": (_I, [POINTER(OverviewOptions), _U32]),
    "paroer_overview_compute": (_I, [PP, P, POINTER(OverviewOptions)]),
    "paroer_overview_free": (None, [P]),
    "paroer_overview_to_json": (_I, [P, POINTER(c_void_p), POINTER(_SZ)]),
}


class _Functions:
    """Attribute access to the declared C functions (``fn.paroer_offer_id(...)``)."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        raise NotImplementedError(
            f"{name}() is not in the loaded libparoer ({LIBRARY_PATH}); it is too old for this call")


fn = _Functions()
MISSING: List[str] = []
for _name, (_res, _args) in _PROTOTYPES.items():
    try:
        _f = getattr(lib, _name)
    except AttributeError:
        MISSING.append(_name)
        continue
    _f.restype = _res
    _f.argtypes = _args
    setattr(fn, _name, _f)

# ---- small helpers ---------------------------------------------------------------


def text(raw: Optional[bytes]) -> Optional[str]:
    """A borrowed C string as a Python str (None for NULL)."""
    return None if raw is None else raw.decode("utf-8", "replace")


def encode(value: Optional[str]) -> Optional[bytes]:
    """A Python str as UTF-8 bytes for the C side (None stays NULL)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def take_string(ptr: c_void_p, length: int) -> str:
    """Copies a string the library allocated for the caller and frees it with paroer_free()."""
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        fn.paroer_free(ptr)

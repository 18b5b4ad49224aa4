/**
 * @file paroer.h
 * @brief The umbrella header: include this one to get the whole libparoer API.
 *
 * @mainpage libparoer
 * libparoer helps municipal case-management systems find the offers that fit a
 * relative or carer (pårørende), explain why the others do not, and show how
 * well a municipality's offers cover its relatives and its policy goals.
 * Start with catalog.h (loading offers), relative.h, match.h and coverage.h;
 * the contract (codes, formats, semantics) is in docs/.
 *
 * Privacy: the library never needs a name or CPR number, never logs, and never
 * writes a relative's data anywhere the caller did not ask it to (docs/privacy.md).
 */
#ifndef PAROER_H
#define PAROER_H

#include <paroer/version.h>
#include <paroer/common.h>
#include <paroer/vocab.h>
#include <paroer/diagnostics.h>
#include <paroer/catalog.h>
#include <paroer/builder.h>
#include <paroer/relative.h>
#include <paroer/klcodes.h>
#include <paroer/statutory.h>
/* PAROER-UMBRELLA: modules add their include line below this marker. */
#include <paroer/population.h>
#include <paroer/coverage.h>
#include <paroer/match.h>
#include <paroer/municipality.h>
#include <paroer/report.h>
#include <paroer/overview.h>
#include <paroer/file.h>
#include <paroer/hsds.h>

#endif

/* bench-words.h: the vocabulary of the synthetic network: names in
 * several scripts, companies, trades, places and what people say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char * const *given;
  const char * const *family;
  guint               weight;
  gboolean            family_first;  /* and no space: 王伟 */
  gboolean            latin;
} BenchCulture;

typedef struct {
  const char *word;
  const char *industry;
  const char *offer;
} BenchTrade;

extern const BenchCulture     bench_cultures[];
extern const guint       bench_n_cultures;
extern const BenchTrade  bench_trades[];
extern const guint       bench_n_trades;

/* NULL-terminated lists. */
extern const char * const bench_company_first[];
extern const char * const bench_company_suffix[];
extern const char * const bench_foreign_companies[];
extern const char * const bench_roles[];
extern const char * const bench_cities[];
extern const char * const bench_tags[];
extern const char * const bench_interests[];
extern const char * const bench_networks[];
extern const char * const bench_topics[];
extern const char * const bench_places[];
extern const char * const bench_dreams[];
extern const char * const bench_challenges[];
extern const char * const bench_needs[];
extern const char * const bench_details[];
extern const char * const bench_foreign_sentences[];
extern const char * const bench_event_names[];
extern const char * const bench_note_words[];

G_END_DECLS

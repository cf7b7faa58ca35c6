/* netbook-cli: Netbook's relationship store for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-cli.h"

int
main (int   argc,
      char *argv[])
{
  return nb_cli_main (argc, argv);
}

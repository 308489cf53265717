#!/usr/bin/env bash
# Renders test/producers/sources/* into test/producers/statements/*.pdf with real third-party PDF producers,
# so the extractor is measured on text layers it did not write: headless Chromium (Skia/PDF), Chromium with its
# print header and footer (a browser printout: print timestamp, title, URL, page numbers), LibreOffice Writer,
# LibreOffice Calc, and scans (`scan`: a Chromium rendering rasterised and degraded by scan.py, which needs numpy;
# `mixed`: page 1 text, later pages scanned). The truth JSON beside each PDF is written by hand from the source.
# The PDFs are committed; the tests never run this script. Usage: test/producers/generate.sh [name-filter]
# `generate.sh --set3 [name-filter]` builds the held-out third set instead (set3/sources -> set3/statements): its
# producers are enscript + Ghostscript (line-printer text), groff, ReportLab, wkhtmltopdf, Writer and Calc, and a
# `-scan` / `-mixed` suffix on the producer scans the whole rendering / its pages after the first.
# `generate.sh --set4 [name-filter]` builds the fourth held-out set the same way (set4/sources -> set4/statements),
# adding the producers `grops` (groff -ms -Tps + ps2pdf), `groffme` (groff -me -Tpdf), `ps` (hand-written PostScript
# + ps2pdf), `rawpdf` (a Python script writing the PDF bytes by hand), `pandoc` (Markdown -> pandoc -> ms -> groff)
# and `chromium` (for the HTML sources that are scanned).
# `generate.sh --set5 [name-filter]` builds the fifth held-out set (set5/sources -> set5/statements) with the same
# producers plus `groffmm` (groff -mm -Tpdf, A4).
# `generate.sh --set6 [name-filter]` builds the sixth held-out set (set6/sources -> set6/statements) with set 5's
# producers (ReportLab sources there embed DejaVu Sans for Cyrillic).
# `generate.sh --set7 [name-filter]` builds the seventh held-out set (set7/sources -> set7/statements) with set 6's
# producers plus `printout` (Chromium with its print header and footer, the page served from a portal-like URL).
# `generate.sh --set8 [name-filter]` builds the eighth held-out set (set8/sources -> set8/statements) with set 7's
# producers plus `groffmom` (groff -mom -t -Tpdf, A4) and `pandocwk` (Markdown -> pandoc -> standalone HTML ->
# wkhtmltopdf).
# `generate.sh --set9 [name-filter]` builds the ninth held-out set (set9/sources -> set9/statements) with set 8's
# producers plus `groffmc` (groff -ms -Tpdf whose body is set in two columns with .MC, A4).
set -euo pipefail
cd "$(dirname "$0")"
out=statements
srcdir=sources
set3=
if [ "${1:-}" = --set3 ]; then set3=1 out=set3/statements srcdir=set3/sources; shift; fi
if [ "${1:-}" = --set4 ]; then set3=1 out=set4/statements srcdir=set4/sources; shift; fi
if [ "${1:-}" = --set5 ]; then set3=1 out=set5/statements srcdir=set5/sources; shift; fi
if [ "${1:-}" = --set6 ]; then set3=1 out=set6/statements srcdir=set6/sources; shift; fi
if [ "${1:-}" = --set7 ]; then set3=1 out=set7/statements srcdir=set7/sources; shift; fi
if [ "${1:-}" = --set8 ]; then set3=1 out=set8/statements srcdir=set8/sources; shift; fi
if [ "${1:-}" = --set9 ]; then set3=1 out=set9/statements srcdir=set9/sources; shift; fi
filter=${1:-}
profile=$(mktemp -d)
chrome() { # $1 source, $2 pdf, $3 extra flag
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile/chrome" --print-to-pdf="$2" "$3" \
    "${4:-file://$PWD/$1}" 2>/dev/null
}
office() { # $1 source, $2 export filter, $3 import filter (optional)
  soffice --headless -env:UserInstallation="file://$profile/office" ${3:+--infilter="$3"} --convert-to "pdf:$2" \
    --outdir "$profile/lo" "$1" >/dev/null 2>&1
}
scan() { # $1 source, $2 pdf, $3 name, $4 "mixed" to keep page 1 as text: rendered by Chromium, rasterised at 200 dpi in grey, degraded like a scan
  # (scan.py: slight rotation, blur, noise, specks), JPEG-compressed (pdftoppm, quality 50) and printed back to a
  # PDF of page images with no text layer.
  rm -rf "$profile/scan" && mkdir -p "$profile/scan"
  chrome "$1" "$profile/scan/text.pdf" --no-pdf-header-footer
  scanpdf "$2" "$3" "${4:-}"
}
scanpdf() { # scans $profile/scan/text.pdf (already rendered by any producer) into $1; $2 name, $3 "mixed"
  local dir=$profile/scan size
  size=$(pdfinfo "$dir/text.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1pt \2pt/p')
  pdftoppm -r 200 -gray "$dir/text.pdf" "$dir/p"
  python3 "$PWD/scan.py" "$2" "$dir"/p*.pgm >/dev/null
  pages() { echo "<!doctype html><style>@page{size:$size;margin:0}body{margin:0}img{display:block;width:100vw;height:100vh;page-break-after:always}img:last-child{page-break-after:auto}</style>"
    for img in "$dir"/$1; do echo "<img src=\"$(basename "$img")\">"; done; }
  pages 'p*.png' >"$dir/png.html" && chrome "" "$dir/png.pdf" --no-pdf-header-footer "file://$dir/png.html"
  pdftoppm -r 200 -gray -jpeg -jpegopt quality=50 "$dir/png.pdf" "$dir/j"
  pages 'j*.jpg' >"$dir/jpg.html" && chrome "" "$dir/scan.pdf" --no-pdf-header-footer "file://$dir/jpg.html"
  if [ "${3:-}" = mixed ]; then qpdf --empty --pages "$dir/text.pdf" 1 "$dir/scan.pdf" 2-z -- "$1"; else cp "$dir/scan.pdf" "$1"; fi
}
# A printout shows the page's URL in its footer: serve the sources under a portal-like host name, not a file path.
mkdir -p "$profile/www"
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$profile/www" >/dev/null 2>&1 &
server=$!
trap 'kill $server; rm -rf "$profile"' EXIT
sleep 1
render3() { # set3: $1 source, $2 producer, $3 pdf. Renders with a non-Chromium producer.
  case $2 in
    enscript) enscript -q -B -r -f Courier8 -s 1 --margins=28:28:30:30 -p "$profile/e.ps" "$1" # 132 columns, landscape
      ps2pdf -sPAPERSIZE=letter "$profile/e.ps" "$3" ;;
    groff) groff -t -ms -Tpdf -P-pletter -K utf8 "$1" >"$3" ;;
    reportlab) /usr/bin/python3 "$1" "$3" ;; # Debian's python3-reportlab
    wkhtml) wkhtmltopdf --quiet --page-size A4 --enable-local-file-access "$1" "$3" ;;
    writer) office "$1" writer_pdf_Export "HTML (StarWriter)" && mv "$profile/lo/$(basename "${1%.html}").pdf" "$3" ;;
    calc) office "$1" calc_pdf_Export && mv "$profile/lo/$(basename "${1%.fods}").pdf" "$3" ;;
    grops) groff -t -ms -Tps -P-pletter -K utf8 "$1" | ps2pdf -sPAPERSIZE=letter - "$3" ;; # set4 from here on
    groffme) groff -t -me -Tpdf -P-pletter -K utf8 "$1" >"$3" ;;
    ps) ps2pdf "$1" "$3" ;;
    rawpdf) PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" python3 "$1" "$3" ;; # sources import rawpdf.py from here
    pandoc) pandoc -s -t ms "$1" -o "$profile/pandoc.ms" && groff -e -t -ms -Tpdf -P-pletter -K utf8 "$profile/pandoc.ms" >"$3" ;;
    chromium) chrome "$1" "$3" --no-pdf-header-footer ;;
    groffmm) groff -mm -Tpdf -P-pa4 -K utf8 "$1" >"$3" ;; # set5
    printout) local n; n=$(basename "${1%%.*}"); mkdir -p "$profile/www/accounts/$n" && cp "$1" "$profile/www/accounts/$n/index.html" # set7
      chrome "$1" "$3" --host-resolver-rules="MAP portal.example-broker.com 127.0.0.1:$port" "http://portal.example-broker.com/accounts/$n/" ;;
    groffmom) groff -mom -t -Tpdf -K utf8 "$1" >"$3" 2>/dev/null ;; # set8; mom warns "can't transparently output node at top level"
    pandocwk) pandoc -s -t html --metadata pagetitle="$(basename "${1%%.*}")" "$1" -o "$profile/pandoc.html" && wkhtmltopdf --quiet --page-size A4 "$profile/pandoc.html" "$3" 2>/dev/null ;;
    groffmc) groff -t -ms -Tpdf -P-pa4 -K utf8 "$1" >"$3" ;; # set9; the source sets its columns with .MC
    *) echo "unknown producer $2 for $1" >&2; exit 1 ;;
  esac
}
for src in "$srcdir"/*; do
  file=$(basename "$src")
  name=${file%%.*}
  [ -n "$filter" ] && [[ $name != *$filter* ]] && continue
  if [ -n "$set3" ]; then # NAME.PRODUCER[-scan|-mixed].EXT
    producer=${file#*.} producer=${producer%.*} mode=${producer#*-}
    [ "$mode" = "$producer" ] && mode=
    if [ -z "$mode" ]; then render3 "$src" "$producer" "$out/$name.pdf"
    else rm -rf "$profile/scan" && mkdir -p "$profile/scan" && render3 "$src" "${producer%%-*}" "$profile/scan/text.pdf"
      scanpdf "$out/$name.pdf" "$name" "${mode/scan/}"; fi
    echo "$out/$name.pdf $(stat -c %s "$out/$name.pdf") bytes, $(pdfinfo "$out/$name.pdf" | sed -n 's/^Producer: *//p')"
    continue
  fi
  case $file in
    *.chromium.html) chrome "$src" "$out/$name.pdf" --no-pdf-header-footer ;;
    *.printout.html) mkdir -p "$profile/www/accounts/$name" && cp "$src" "$profile/www/accounts/$name/index.html"
      chrome "$src" "$out/$name.pdf" --host-resolver-rules="MAP portal.example-broker.com 127.0.0.1:$port" \
      "http://portal.example-broker.com/accounts/$name/" ;;
    *.scan.html) scan "$src" "$out/$name.pdf" "$name" ;;
    *.mixed.html) scan "$src" "$out/$name.pdf" "$name" mixed ;; # page 1 text, later pages scanned
    *.writer.html) office "$src" writer_pdf_Export "HTML (StarWriter)" && mv "$profile/lo/${file%.html}.pdf" "$out/$name.pdf" ;;
    *.calc.fods) office "$src" calc_pdf_Export && mv "$profile/lo/${file%.fods}.pdf" "$out/$name.pdf" ;;
    *) echo "unknown producer for $file" >&2; exit 1 ;;
  esac
  echo "$out/$name.pdf $(stat -c %s "$out/$name.pdf") bytes, $(pdfinfo "$out/$name.pdf" | sed -n 's/^Producer: *//p')"
done

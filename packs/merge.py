"""One PDF from the PDFs of a pack's parts, as if WeasyPrint had written it as one document.

Each part (the letter and agenda, then each item) is laid out and written on its own by
WeasyPrint as PDF/UA-1 (``packs/parallel.py``). Put together here with pikepdf:

- pages in order, each item's page numbers drawn from a separate one-line-per-page PDF
  (``numbers``) laid over them, so a part's pages do not depend on where it lands;
- one structure tree: each part's top-level elements under one ``Document`` element, the
  parent tree renumbered (pages by their place in the pack, annotations after them);
- named destinations of every part in one name tree, so the agenda's links (names such as
  ``item-3``) reach the item wherever it landed; the item's own name wins over the agenda's
  stand-in for it;
- bookmarks in order, pointing at the merged pages; page labels 1, 2, 3...;
- each font embedded once: WeasyPrint subsets a font keeping its glyph ids, and names the
  font after a hash of its description, the same in every process, so the parts' subsets of
  one font are joined glyph by glyph (``glyf`` fonts) with their widths and Unicode maps.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

ANNOTATION_KEYS = 1_000_000  # parent tree keys of annotations start here, above any page
TO_UNICODE_ENTRY = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")


@dataclass
class Part:
    """A part's PDF and how many of its pages go into the pack (the rest are dropped)."""

    path: Path
    keep: int


def _parent_nums(tree) -> list:
    nums = []
    if "/Nums" in tree:
        nums.extend(tree.Nums)
    for kid in tree.get("/Kids", []):
        nums.extend(_parent_nums(kid))
    return nums


def _outline_entries(pdf: pikepdf.Pdf, page_index: dict) -> list:
    """(title, page number in the part, left, top, children) for each bookmark."""

    def read(items):
        entries = []
        for item in items:
            dest = item.destination
            if isinstance(dest, pikepdf.Array) and len(dest) >= 4:
                where = page_index.get(dest[0].objgen)
                left, top = float(dest[2]), float(dest[3])
            else:
                where, left, top = None, 0.0, 0.0
            entries.append((item.title, where, left, top, read(item.children)))
        return entries

    with pdf.open_outline() as outline:
        return read(outline.root)


def _write_outline(out: pikepdf.Pdf, entries: list) -> None:
    def make(entry):
        title, where, left, top, children = entry
        item = pikepdf.OutlineItem(title, where, "XYZ", left=left, top=top)
        item.children.extend(make(child) for child in children if child[1] is not None)
        return item

    with out.open_outline() as outline:
        outline.root.extend(make(entry) for entry in entries if entry[1] is not None)


def merge(parts: list[Part], target: Path, numbers: Path | None = None) -> int:
    """Write the parts as one PDF to ``target``; the first part's catalog (language,
    metadata, viewer preferences) is the pack's. Returns the number of pages."""
    out = pikepdf.open(parts[0].path)
    sources = [out] + [pikepdf.open(part.path) for part in parts[1:]]
    root = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
    document = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document)
    root = out.make_indirect(root)
    document = out.make_indirect(document)
    document.P = root
    document.K = pikepdf.Array()
    page_nums, annotation_nums = [], []
    dests: dict[str, pikepdf.Object] = {}
    outline: list = []
    offset = 0
    for number, (part, source) in enumerate(zip(parts, sources, strict=True)):
        kept = list(source.pages)[: part.keep]
        if number == 0:
            while len(out.pages) > part.keep:
                del out.pages[-1]
            pages = list(out.pages)
        else:
            out.pages.extend(kept)
            pages = list(out.pages)[offset : offset + len(kept)]
        local = {page.obj.objgen: index for index, page in enumerate(kept)}
        mapped = {page.obj.objgen: pages[i].obj for i, page in enumerate(kept)}
        copy = (lambda obj: obj) if number == 0 else _copier(out)

        def fix_pages(obj, mapped=mapped):
            # A page that was not kept (the part's closing page) is not referred to.
            return mapped.get(obj.objgen) if obj.is_indirect else obj

        tree = source.Root.get("/StructTreeRoot")
        if tree is not None:
            nums = _parent_nums(tree.ParentTree)
            old_doc = tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K
            for element in list(old_doc.K):
                if "/Pg" in element and element.Pg.objgen not in local:
                    continue
                del element["/P"]
                element = copy(element)
                element.P = document
                document.K.append(element)
            annotations = {}
            for key, value in zip(nums[::2], nums[1::2], strict=True):
                if int(key) < len(source.pages):
                    if int(key) < len(kept):
                        page_nums.append((offset + int(key), copy(value)))
                else:
                    annotations[int(key)] = value
            for page in pages:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = offset + int(page.obj.StructParents)
                for annot in page.obj.get("/Annots", []):
                    if "/StructParent" in annot:
                        key = ANNOTATION_KEYS + len(annotation_nums)
                        old = int(annot.StructParent)
                        annotation_nums.append((key, copy(annotations[old])))
                        annot.StructParent = key
        names = source.Root.get("/Names")
        if names is not None and "/Dests" in names:
            for name, dest in pikepdf.NameTree(names.Dests).items():
                target_page = mapped.get(dest[0].objgen)
                if target_page is None:
                    continue
                # A part's own anchor wins over a stand-in of the same name elsewhere.
                if name not in dests or number > 0 and name.startswith("item-"):
                    dests[name] = pikepdf.Array([target_page, *list(dest)[1:]])
        outline.extend(_offset_outline(_outline_entries(source, local), offset))
        offset += len(kept)
    root.K = pikepdf.Array([document])
    root.ParentTree = out.make_indirect(
        pikepdf.Dictionary(Nums=pikepdf.Array(_flatten(page_nums + annotation_nums)))
    )
    root.ParentTreeNextKey = ANNOTATION_KEYS + len(annotation_nums)
    out.Root.StructTreeRoot = root
    out.Root.Names = pikepdf.Dictionary()
    tree = pikepdf.NameTree.new(out)
    for name in sorted(dests):
        tree[name] = dests[name]
    out.Root.Names.Dests = tree.obj
    if "/Outlines" in out.Root:
        del out.Root["/Outlines"]
    _write_outline(out, outline)
    out.Root.PageLabels = pikepdf.Dictionary(
        Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)])
    )
    if numbers is not None:
        stamps = pikepdf.open(numbers)
        for page, stamp in zip(out.pages, stamps.pages, strict=False):
            page.add_overlay(stamp)
        sources.append(stamps)
    fonts_embed_once(out)
    out.remove_unreferenced_resources()
    out.save(target, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    pages = len(out.pages)
    for source in sources:
        source.close()
    return pages


def _copier(out: pikepdf.Pdf):
    def copy(obj):
        if obj.is_indirect:
            return out.copy_foreign(obj)
        if isinstance(obj, pikepdf.Array):
            return pikepdf.Array([copy(item) for item in obj])
        return obj

    return copy


def _offset_outline(entries: list, offset: int) -> list:
    return [
        (title, None if where is None else where + offset, left, top, _offset_outline(kids, offset))
        for title, where, left, top, kids in entries
    ]


def _flatten(pairs):
    for key, value in sorted(pairs, key=lambda pair: pair[0]):
        yield key
        yield value


# --- fonts -----------------------------------------------------------------------------


def _widths(array) -> dict[int, float]:
    widths, items = {}, list(array)
    for start, run in zip(items[::2], items[1::2], strict=True):
        for step, width in enumerate(run):
            widths[int(start) + step] = float(width)
    return widths


def _widths_array(widths: dict[int, float]) -> pikepdf.Array:
    array, run = [], None
    for gid in sorted(widths):
        if run is None or gid - 1 not in widths:
            run = []
            array.extend([gid, run])
        run.append(widths[gid])
    return pikepdf.Array([item if isinstance(item, int) else pikepdf.Array(item) for item in array])


def _to_unicode(stream) -> dict[bytes, bytes]:
    return dict(TO_UNICODE_ENTRY.findall(stream.read_bytes()))


def _to_unicode_stream(pdf, entries: dict[bytes, bytes]) -> pikepdf.Stream:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange",
        b"<0000> <ffff>",
        b"endcodespacerange",
    ]
    items = sorted(entries.items())
    for start in range(0, len(items), 100):
        batch = items[start : start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines.extend(b"<%s> <%s>" % pair for pair in batch)
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return pikepdf.Stream(pdf, b"\n".join(lines))


def _join_programs(programs: list[tuple[bytes, set[int]]]) -> bytes:
    """One TrueType program holding every glyph any of the subsets holds (same glyph ids).

    Each subset comes with the glyph ids it was made for (its widths), so only the glyphs
    the first subset lacks are read from the others."""
    fonts = [(TTFont(io.BytesIO(program), lazy=True), gids) for program, gids in programs]
    base, have = fonts[0][0], set(fonts[0][1])
    order = base.getGlyphOrder()
    glyf, hmtx = base["glyf"], base["hmtx"]
    for other, gids in fonts[1:]:
        wanted = sorted(gid for gid in gids - have if gid < len(order))
        if not wanted:
            continue
        other_glyf, other_hmtx, other_order = other["glyf"], other["hmtx"], other.getGlyphOrder()
        # Names may differ between subsets; glyph ids do not. Components come with the
        # glyphs that use them (the subset's closure).
        for gid in _with_components(other, other_glyf, wanted):
            name, mine = other_order[gid], order[gid]
            theirs = other_glyf[name]
            if theirs.isComposite():
                for component in theirs.components:
                    component.glyphName = order[other.getGlyphID(component.glyphName)]
            glyf[mine] = theirs
            hmtx[mine] = other_hmtx[name]
            have.add(gid)
    joined = io.BytesIO()
    base.save(joined)
    return joined.getvalue()


def _with_components(font, glyf, gids: list[int]) -> list[int]:
    order, found, todo = font.getGlyphOrder(), set(), list(gids)
    while todo:
        gid = todo.pop()
        if gid in found:
            continue
        found.add(gid)
        glyph = glyf[order[gid]]
        if glyph.isComposite():
            todo.extend(font.getGlyphID(component.glyphName) for component in glyph.components)
    return sorted(found)


def _font_dictionaries(pdf: pikepdf.Pdf):
    """(resources' font dictionary, resource name, font) for every font on every page and
    in every form XObject (the page numbers laid over the pages are one)."""
    seen = set()

    def walk(resources):
        if resources is None or resources.objgen in seen and resources.is_indirect:
            return
        if resources.is_indirect:
            seen.add(resources.objgen)
        fonts = resources.get("/Font")
        if fonts is not None:
            for name, font in fonts.items():
                yield fonts, name, font
        for xobject in resources.get("/XObject", {}).values():
            yield from walk(xobject.get("/Resources"))

    for page in pdf.pages:
        yield from walk(page.obj.get("/Resources"))


def fonts_embed_once(pdf: pikepdf.Pdf) -> None:
    """Make every use of one font (by its PostScript name) point to one font dictionary
    that holds the union of the glyphs, widths and Unicode mappings of all its subsets."""
    by_name: dict[str, list] = {}
    uses = list(_font_dictionaries(pdf))
    for _, _, font in uses:
        group = by_name.setdefault(str(font.get("/BaseFont")), [])
        if all(font.objgen != other.objgen for other in group):
            group.append(font)
    canonical = {}
    for name, group in by_name.items():
        first = group[0]
        mergeable = (
            len(group) > 1
            and first.get("/Subtype") == "/Type0"
            and all(font.get("/Encoding") == "/Identity-H" for font in group)
            and all("/FontFile2" in font.DescendantFonts[0].FontDescriptor for font in group)
        )
        if not mergeable:
            continue
        widths, unicode, programs = {}, {}, []
        for font in group:
            descendant = font.DescendantFonts[0]
            own = _widths(descendant.get("/W", []))
            widths.update(own)
            if "/ToUnicode" in font:
                unicode.update(_to_unicode(font.ToUnicode))
            programs.append((descendant.FontDescriptor.FontFile2.read_bytes(), set(own)))
        try:
            program = _join_programs(programs)
        except (IndexError, KeyError, ValueError):
            # A subset this join does not understand (composite glyphs whose parts another
            # subset numbers differently): the font stays embedded once per part, which is
            # larger but reads the same.
            continue
        descendant = first.DescendantFonts[0]
        descendant.W = _widths_array(widths)
        first.ToUnicode = pdf.make_indirect(_to_unicode_stream(pdf, unicode))
        stream = pikepdf.Stream(pdf, program)
        stream.Length1 = len(program)
        descriptor = descendant.FontDescriptor
        descriptor.FontFile2 = pdf.make_indirect(stream)
        bbox = list(descriptor.FontBBox)
        bbox[2] = max(widths.values(), default=0)
        descriptor.FontBBox = pikepdf.Array(bbox)
        canonical[name] = first
    for fonts, resource, font in uses:
        first = canonical.get(str(font.get("/BaseFont")))
        if first is not None and font.objgen != first.objgen:
            fonts[resource] = first

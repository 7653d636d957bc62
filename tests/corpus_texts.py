"""Paragraphs written for the corpus-step tests (good text in five languages), and a Document builder."""

from __future__ import annotations

from thresher.model import Block, Document

ENGLISH = [
    "In the spring the town council began returning the old mill stream to its natural bed. For decades the water "
    "ran through a narrow concrete channel where hardly any fish could survive. Now the banks are being lowered and "
    "planted with willows, and gravel has been laid so that trout have somewhere to spawn.",
    "The engineers who planned the work say that the new bends slow the water down during heavy rain. That should "
    "protect the houses downstream, which were flooded twice in the last ten years. Residents were invited to walk "
    "along the site with the planners and to ask questions about the timetable.",
    "Several volunteers from the local school have offered to count the birds that return to the banks. Their "
    "teacher hopes that the children will keep a record for many years, so that the town can see how the stream "
    "changes with the seasons and with the weather.",
]

GERMAN = [
    "Im Frühjahr hat die Gemeinde begonnen, den alten Mühlbach wieder in sein natürliches Bett zurückzuführen. "
    "Jahrzehntelang floss das Wasser durch einen schmalen Betonkanal, in dem kaum ein Fisch überleben konnte. Nun "
    "werden die Ufer abgeflacht und mit Weiden bepflanzt, und im Bachbett liegt wieder Kies für die Forellen.",
    "Die Ingenieure erklären, dass die neuen Windungen das Wasser bei starkem Regen bremsen. Das soll die Häuser "
    "weiter unten schützen, die in den letzten zehn Jahren zweimal überflutet wurden. Die Anwohner konnten mit den "
    "Planern über die Baustelle gehen und Fragen zum Zeitplan stellen.",
    "Mehrere Freiwillige aus der Schule wollen die Vögel zählen, die an das Ufer zurückkehren. Ihre Lehrerin "
    "hofft, dass die Kinder viele Jahre lang Buch führen, damit der Ort sieht, wie sich der Bach verändert.",
]

CHINESE = [
    "今年春天，城市东边的老工厂被改造成了一座公共图书馆。设计师保留了原来的红砖墙和高大的窗户，让阳光可以照进阅览室。"
    "图书馆里有三万多本书，还有专门为孩子准备的绘本区。每到周末，很多家长带着孩子来这里看书，气氛非常安静。",
    "馆长说，他们希望图书馆不仅是借书的地方，也是居民交流的空间。每个月都会举办读书会、讲座和手工活动。"
    "附近的老人也喜欢来这里看报纸，和年轻人聊天。有位退休的老师每周都来做志愿者，帮助整理书架。",
]

JAPANESE = [
    "この町の小さなパン屋は、毎朝五時に店を開けます。店主は二十年前にフランスで修業をして、地元の小麦を使ったパンを"
    "焼き続けています。朝早くから通勤途中の人たちが列を作り、焼きたてのクロワッサンを買っていきます。",
    "最近では、近所の小学校と協力して、子どもたちにパン作りを教える教室も始めました。子どもたちは生地をこねる作業が"
    "大好きで、自分で焼いたパンを家族に持ち帰ります。店主は、食べ物を通じて地域のつながりを大切にしたいと話しています。",
]

THAI = [
    "ชาวบ้านในหมู่บ้านริมแม่น้ำได้ร่วมกันปลูกต้นไม้ตามตลิ่งเพื่อป้องกันดินพังทลาย "
    "โครงการนี้เริ่มต้นเมื่อสามปีก่อนและได้รับความร่วมมือจากโรงเรียนในท้องถิ่น "
    "นักเรียนช่วยกันดูแลต้นกล้าทุกสัปดาห์ และบันทึกการเจริญเติบโตของต้นไม้แต่ละต้น",
    "ผู้ใหญ่บ้านกล่าวว่าน้ำในแม่น้ำใสขึ้นกว่าเดิมมาก ปลาหลายชนิดที่เคยหายไปได้กลับมาอีกครั้ง "
    "ชาวประมงพื้นบ้านจึงมีรายได้เพิ่มขึ้น ในปีหน้าชุมชนวางแผนที่จะขยายพื้นที่ปลูกป่าไปยังหมู่บ้านใกล้เคียง "
    "และจะจัดอบรมเรื่องการจัดการขยะให้กับเยาวชนในพื้นที่",
]

GOOD = {"en": ENGLISH, "de": GERMAN, "zh": CHINESE, "ja": JAPANESE, "th": THAI}


def make_doc(paragraphs: list[str], language: str | None = None, mode: str = "html", url: str | None = None) -> Document:
    """A document whose body blocks are the given paragraphs (HTML mode: one block each)."""
    blocks = [Block(index=i, text=text, group=i) for i, text in enumerate(paragraphs)]
    return Document(mode=mode, blocks=blocks, language=language, url=url, id=url or "doc")

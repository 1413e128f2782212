"""Writes porter_nltk_3_8.tsv: word <TAB> NLTK PorterStemmer().stem(word).

Run with Debian's python3 and python3-nltk 3.8:  /usr/bin/python3 porter_nltk_3_8.py
Words: a list aimed at every rule of the algorithm and NLTK's extensions, plus every distinct
lower-case word of the GPL-3 and Apache-2.0 licence texts that Debian ships.
"""
import re
from nltk.stem.porter import PorterStemmer

RULE_WORDS = """
caresses ponies ties caress cats feed agreed disabled matting mating meeting milling messing meetings
plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing
happy sky skies dying lying tying news innings inning outings outing cannings canning howe proceed exceed
succeed flies dies spied died cries tries enjoy enjoyment spy fly try relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication
operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative
formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable
defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous
effective bowdlerize probate rate cease controll roll generalization generalizations oscillators hopefully
fully beautifully archaeology geology theology analogically logically theologies geologies biology
are eve ice ore use ease cease tease uses sensational traditional national nationally international
agreement arguing argued argues argument arguments caring cared cares cry crying cried crier skiing skis
abatement abilities ability ably able run runs running runner runners ran quickly finishing finish finished
lines line lined stolen arrested arrest accused stealing police policies generously generous generosity
organization organizational organize organizer organizing organised connect connected connecting connection
connections connective connectivity university universal universe universally relate relativity relativistic
happiness happily unhappiness hesitate hesitation hesitantly troubling troubles productive production products
conditionally abnormally accidentally additionally basically critically emotionally finally totally actually
hoping hoped hopes hope tiled tiles tiling filed files oed sses ies eed ing ed bed bring string thing
fizzing buzzing tossing missing falling filling rolling yelling pulling
""".split()


def licence_words():
    words = set()
    for path in ("/usr/share/common-licenses/GPL-3", "/usr/share/common-licenses/Apache-2.0"):
        with open(path, encoding="utf-8") as f:
            words.update(re.findall(r"[a-z]+", f.read().lower()))
    return words


def main():
    stemmer = PorterStemmer()
    words = sorted(set(RULE_WORDS) | licence_words())
    with open("porter_nltk_3_8.tsv", "w", encoding="utf-8") as out:
        for w in words:
            out.write(f"{w}\t{stemmer.stem(w)}\n")


if __name__ == "__main__":
    main()

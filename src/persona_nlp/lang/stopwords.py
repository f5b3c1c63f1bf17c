"""Stop words per language, for theme keywords and labels.

Compact lists written for this project: function words, pronouns, auxiliaries and the fillers of
spoken interviews ("yeah", "um", "kind of"). They only keep such words out of keywords; nothing
is removed from statements or quotes.

Languages: en, da, nb, nl, id, vi, de, sv, fr, es. Text in an unknown language is filtered with
the union of all lists.

Example:
    >>> "the" in stop_words("en") and "og" in stop_words("da")
    True
    >>> "og" in stop_words(None)
    True
"""

from __future__ import annotations

from functools import cache

_STOP_WORDS: dict[str, str] = {
    "en": """
        a about above after again against all almost also although always am an and any anyone
        anything are aren around as at be because been before being below between both but by
        can cannot could couldn did didn do does doesn doing don done down during each either
        else enough even ever every everything few for from further get gets getting got had
        hadn has hasn have haven having he her here hers herself him himself his how however i
        if in into is isn it its itself just least less let like ll lot lots m many maybe me
        might mine more most much must my myself need never no nor not nothing now of off often
        oh ok okay on once one only or other others our ours ourselves out over own per perhaps
        quite rather re really s said same say says see shall she should shouldn since so some
        somebody someone something sometimes somewhat still such t than that thats the their
        theirs them themselves then there these they thing things think this those though
        through thus to too towards under until up upon us ve very via want wants was wasn way
        we well were weren what whatever when where whether which while who whom whose why will
        with within without won would wouldn yeah yes yet you your yours yourself yourselves
        actually basically bit d guess hmm just kind know mean probably sort stuff uh um
        erm right sure pretty i'm i've i'd i'll it's that's there's what's let's you're
        we're they're don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't
        weren't haven't hasn't hadn't shouldn't next last please thanks thank
    """,
    "da": """
        af alle allerede altid andet andre at bare begge blev blive bliver da de dem den denne
        dens der deres det dette dig din dine disse dit du efter eller en end er et for fordi
        fra få gjorde gør ham han hans har havde have hele hende her hos hun hvad hvem hver
        hvilke hvilken hvis hvor hvordan hvorfor i ikke ind ingen intet jeg jer jo kan kun kunne
        lidt lige man mange med meget men mere mig min mine mit mod måske ned noget nogle nok nu
        når og også om op os over på sig sin sine sit skal skulle som så sådan thi til ud under
        var vel vi vil ville vor vores være været ja nej altså egentlig jamen øh øhm før
        aldrig gerne
    """,
    "nb": """
        alle allerede alltid andre at av bare begge ble bli blir da de dem den denne der deres
        det dette deg din dine disse ditt du eller en enn er et etter for fordi fra få gjorde
        gjør ham han hans har hadde ha hele henne her hos hun hva hvem hver hvilke hvilken
        hvis hvor hvordan hvorfor i ikke inn ingen jeg dere jo kan kun kunne litt like man
        mange med meg men mer min mine mitt mot kanskje ned noe noen nok nå når og også om opp
        oss over på seg sin sine sitt skal skulle som så sånn til ut under var vel vi vil
        ville vår være vært ja nei altså egentlig liksom eh ehm
    """,
    "nl": """
        aan al alle alleen als altijd ander andere ben bij binnen daar dan dat de deze die dit
        doe doen door dus een eens en er ga gaan gedaan geen gewoon haar had heb hebben heeft
        hem het hier hij hoe hun ik in is ja je jij jou jullie kan kon kunnen maar me meer
        met mij mijn moet moeten na naar nee niet niets nog nu of om ook op over te tegen toch
        toen tot u uit van veel voor want was wat we wel werd wie wij wil worden zal ze zei
        zelf zich zij zijn zo zonder zou eigenlijk echt best even heel soms uh eh nooit
        altijd eerst iets elke iemand alles
    """,
    "id": """
        ada adalah agak agar akan aku anda apa atau bagaimana bahwa banyak beberapa begitu
        belum benar biasanya bila bisa boleh buat bukan cuma dalam dan dari dengan di dia
        engkau hal hanya harus ini itu jadi jika juga kalau kami kamu karena ke kita lagi
        lebih mau mereka misalnya mungkin nya oleh pada para pun saat saja saya sangat sebagai
        sebelum sedang sejak selalu semua sendiri seperti sering setelah sih sudah supaya
        tapi tentang tetapi tidak untuk walaupun yaitu yang ya gak nggak enggak tuh deh kok
        sama lah kan
    """,
    "vi": """
        ai anh bị bởi các cái cần chị cho chúng chỉ chưa có của cũng đã đang để đó đây đều
        được em gì hay hoặc họ khi không là làm lại lên mà mình một nào này nên nếu như những
        nhưng nó ông ở ra rằng rất rồi sẽ tại thì thế tôi trên trong từ và vào vì với vẫn
        việc vậy ạ à ừ nhé nha thôi lắm nữa hơn bạn
    """,
    "de": """
        aber alle allem als also am an auch auf aus bei bin bis bist da damit dann das dass
        dein dem den der des dich die dir doch dort du durch ein eine einem einen einer er es
        etwas euch für gar gibt hab habe haben hat hatte ich ihm ihn ihr im in ist ja jetzt
        kann kein keine man mehr mein mich mir mit muss nach nicht nichts noch nur ob oder ohne
        schon sehr sein sich sie sind so über um und uns unser viel vom von vor war was weil
        wenn wer wie wir wird wo zu zum zur halt eigentlich mal ähm äh
    """,
    "sv": """
        alla allt alltid andra att av bara blev bli blir de dem den denna der deras det detta
        dig din dina du efter eller en ett för från få gjorde gör ha hade han hans har hela
        henne hon honom hur här i inte ingen jag ju kan kanske man med mig min mina mitt mot
        mycket ned nog nu när och också om oss på sig sin sina sitt ska skulle som så sådan
        till ut under var vi vill vad vår vara varit ja nej typ liksom alltså öh
    """,
    "fr": """
        à ai au aussi aux avec avoir bien c ça ce cela ces cet cette comme d dans de des du elle
        elles en est et être eu fait il ils j je juste l la le les leur lui m ma mais me même
        mes moi mon n ne nous on ou où par pas peu plus pour qu que qui s sa sans se ses si son
        sont sur ta te tes toi ton tous tout très tu un une vos votre vous y euh bon voilà
    """,
    "es": """
        a al algo como con cual cuando de del el ella ellos en entre era es esa ese eso esta
        está este esto estoy fue ha hay la las le les lo los me mi muy más nada ni no nos o
        para pero poco por porque que quien se ser si sin sobre son su sus también te tengo
        todo tu un una uno y ya yo bueno pues este eh
    """,
}

LANGUAGES: tuple[str, ...] = tuple(_STOP_WORDS)
"""Languages with a stop-word list."""


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """Lower-case stop words of a language (ISO 639-1); the union of all lists for ``None`` or
    a language without a list.

    Example:
        >>> "và" in stop_words("vi")
        True
    """
    if language in _STOP_WORDS:
        return frozenset(_STOP_WORDS[language].split())
    return frozenset(word for text in _STOP_WORDS.values() for word in text.split())


__all__ = ["LANGUAGES", "stop_words"]

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReferralWindow</name>
    <message>
        <source>Remiss</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Öppna personen</source>
        <translation>Open the person</translation>
    </message>
    <message>
        <source>Vad utföraren har återkopplat</source>
        <translation>What the provider has reported back</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Insats</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Föreslagen</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Följs upp senast</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>Ansvarig handläggare</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Återkoppling</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Nästa steg:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <source>Remissen är avslutad; inga fler steg.</source>
        <translation>The referral is closed; no more steps.</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Ta bort en remiss som föreslagits av misstag (bara medan den är föreslagen)</source>
        <translation>Delete a referral proposed by mistake (only while it is proposed)</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 sedan %2.</source>
        <translation>%1 since %2.</translation>
    </message>
    <message>
        <source>Uppföljningen är 1 dag sen.</source>
        <translation>The follow-up is 1 day late.</translation>
    </message>
    <message>
        <source>Uppföljningen är %1 dagar sen.</source>
        <translation>The follow-up is %1 days late.</translation>
    </message>
    <message>
        <source>Samtycket remissen skickades på återkallades %1. Lämna inte ut något mer om personen till utföraren.</source>
        <translation>The consent the referral was sent on was withdrawn on %1. Share nothing more about the person with the provider.</translation>
    </message>
    <message>
        <source>Remissen skickades utan samtycke; skälet står i historiken.</source>
        <translation>The referral was sent without consent; the reason is in the history.</translation>
    </message>
    <message>
        <source>Ej vald</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>%1 (arkiverad)</source>
        <translation>%1 (archived)</translation>
    </message>
    <message>
        <source>Ändras bara medan remissen är föreslagen; den är redan skickad.</source>
        <translation>Changed only while the referral is proposed; it has already been sent.</translation>
    </message>
    <message>
        <source>Remissen togs bort medan valvet var låst, så det du hade skrivit i den kunde inte sparas.</source>
        <translation>The referral was deleted while the vault was locked, so what you had typed in it could not be saved.</translation>
    </message>
    <message>
        <source>Kan inte visa remissen</source>
        <translation>Cannot show the referral</translation>
    </message>
    <message>
        <source>Remissen är sparad</source>
        <translation>The referral is saved</translation>
    </message>
    <message>
        <source>Remissen är nu %1</source>
        <translation>The referral is now %1</translation>
    </message>
    <message>
        <source>Ta bort remiss</source>
        <translation>Delete referral</translation>
    </message>
    <message>
        <source>Ta bort remissen? Gör det bara om den föreslogs av misstag; en remiss som inte blir av avslutas med ”Återkalla”.</source>
        <translation>Delete the referral? Only do so if it was proposed by mistake; a referral that does not go ahead is closed with “Withdraw”.</translation>
    </message>
    <message>
        <source>Remissen är borttagen</source>
        <translation>The referral is deleted</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Spara ändringarna innan fönstret stängs?</source>
        <translation>Save the changes before the window closes?</translation>
    </message>
</context>
<context>
    <name>support</name>
    <message>
        <source>%1 (återkallat %2)</source>
        <translation>%1 (withdrawn %2)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>support</name>
    <message>
        <source>Föreslagen</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Skickad</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Accepterad</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Påbörjad</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Avböjd</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Avbruten</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Återtagen</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Skicka till utföraren</source>
        <translation>Send to the provider</translation>
    </message>
    <message>
        <source>Återkalla</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Remissen med personens uppgifter går till utföraren. Kräver ett samtycke från personen, eller ett skriftligt skäl att gå vidare utan.</source>
        <translation>The referral, with the person&apos;s details, goes to the provider. Needs a consent from the person, or a written reason to go ahead without one.</translation>
    </message>
    <message>
        <source>Utföraren har tagit emot personen.</source>
        <translation>The provider has taken the person on.</translation>
    </message>
    <message>
        <source>Insatsen har börjat.</source>
        <translation>The support has begun.</translation>
    </message>
    <message>
        <source>Insatsen är genomförd.</source>
        <translation>The support has been completed.</translation>
    </message>
    <message>
        <source>Personen eller utföraren har tackat nej.</source>
        <translation>The person or the provider said no.</translation>
    </message>
    <message>
        <source>Personen har slutat eller kontakten har brutits.</source>
        <translation>The person stopped or contact was lost.</translation>
    </message>
    <message>
        <source>Arbetsgruppen tar tillbaka remissen.</source>
        <translation>The working group takes the referral back.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>återkallat</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>undantag</source>
        <translation>override</translation>
    </message>
    <message>
        <source>saknas</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Skickad på ett samtycke som gäller.</source>
        <translation>Sent on a consent that holds.</translation>
    </message>
    <message>
        <source>Samtycket remissen skickades på är återkallat: lämna inte ut något mer.</source>
        <translation>The consent the referral was sent on has been withdrawn: share nothing more.</translation>
    </message>
    <message>
        <source>Skickad utan samtycke, med ett skriftligt skäl (se historiken).</source>
        <translation>Sent without consent, for a written reason (see the history).</translation>
    </message>
    <message>
        <source>Inget samtycke registrerat på remissen.</source>
        <translation>No consent recorded on the referral.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>labels</name>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Villkorligt frigiven</source>
        <translation>Conditionally released</translation>
    </message>
    <message>
        <source>Skyddstillsyn</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Ungdomsövervakning</source>
        <translation>Youth supervision</translation>
    </message>
    <message>
        <source>Intensivövervakning</source>
        <translation>Intensive supervision (tag)</translation>
    </message>
    <message>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Skjutning</source>
        <translation>Shooting</translation>
    </message>
    <message>
        <source>Sprängning</source>
        <translation>Explosion</translation>
    </message>
    <message>
        <source>Dödligt våld</source>
        <translation>Homicide</translation>
    </message>
    <message>
        <source>Grov misshandel</source>
        <translation>Aggravated assault</translation>
    </message>
    <message>
        <source>Mordbrand</source>
        <translation>Arson</translation>
    </message>
    <message>
        <source>Olaga hot</source>
        <translation>Unlawful threat</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Okänt</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Gärningssida</source>
        <translation>Perpetrator side</translation>
    </message>
    <message>
        <source>Offersida</source>
        <translation>Victim side</translation>
    </message>
    <message>
        <source>Okänd</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Misstänkt</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <source>Vittne</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Annan roll</source>
        <translation>Other role</translation>
    </message>
    <message>
        <source>Inloggning</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Misslyckad inloggning</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Läsning</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Sammanslagning</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Rensning</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Visning av personnummer</source>
        <translation>Personal number shown</translation>
    </message>
    <message>
        <source>Säkerhetskopia</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Nyckelbyte</source>
        <translation>Key change</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Personlista</source>
        <translation>People list</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Medlemskap</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Grupprelation</source>
        <translation>Group relation</translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Händelselista</source>
        <translation>Incident list</translation>
    </message>
    <message>
        <source>Valv</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Demodata</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Call-in</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <source>Kandidater till call-in</source>
        <translation>Call-in candidates</translation>
    </message>
    <message>
        <source>Inbjuden till call-in</source>
        <translation>Call-in invitee</translation>
    </message>
    <message>
        <source>Lista över riktade samtal</source>
        <translation>Custom notification list</translation>
    </message>
    <message>
        <source>Brevmall</source>
        <translation>Letter template</translation>
    </message>
    <message>
        <source>Brevhuvud</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Osparat formulär</source>
        <translation>Unsaved form</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Utlämnande</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>Att granska</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Utskrivet brev</source>
        <translation>Printed letter</translation>
    </message>
    <message>
        <source>Utförare av stöd</source>
        <translation>Service provider</translation>
    </message>
    <message>
        <source>Samtycke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Lista över samtycken</source>
        <translation>List of consents</translation>
    </message>
    <message>
        <source>Remiss</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Remisslista</source>
        <translation>Referral list</translation>
    </message>
    <message>
        <source>Kontakt med avhopparlinjen</source>
        <translation>Exit line contact</translation>
    </message>
    <message>
        <source>Lista över kontakter med avhopparlinjen</source>
        <translation>List of exit line contacts</translation>
    </message>
    <message>
        <source>Ökat fokus</source>
        <translation>Follow-through</translation>
    </message>
    <message>
        <source>Mått</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Vilande</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>Upplöst</source>
        <translation>Dissolved</translation>
    </message>
    <message>
        <source>Allians</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Stödsamtal</source>
        <translation>Support talks</translation>
    </message>
    <message>
        <source>Flytt eller skyddat boende</source>
        <translation>Relocation or protected housing</translation>
    </message>
    <message>
        <source>Arbete</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Beroendevård</source>
        <translation>Addiction care</translation>
    </message>
    <message>
        <source>Skuldrådgivning</source>
        <translation>Debt advice</translation>
    </message>
    <message>
        <source>ID-handlingar och bostad</source>
        <translation>ID documents and housing</translation>
    </message>
    <message>
        <source>Avhopparverksamhet</source>
        <translation>Exit programme</translation>
    </message>
    <message>
        <source>Annan insats</source>
        <translation>Other support</translation>
    </message>
    <message>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Inställd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Föreslagen</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Godkänd</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Kallad</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Deltog</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Förhinder</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Vårdpersonal</source>
        <translation>Healthcare</translation>
    </message>
    <message>
        <source>Åklagare</source>
        <translation>Prosecutor</translation>
    </message>
    <message>
        <source>Kommunpolitiker</source>
        <translation>Municipal politician</translation>
    </message>
    <message>
        <source>Mamma eller anhörig</source>
        <translation>Mother or relative</translation>
    </message>
    <message>
        <source>Före detta kriminell</source>
        <translation>Former offender</translation>
    </message>
    <message>
        <source>Polis</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Stödverksamhet</source>
        <translation>Service provider</translation>
    </message>
    <message>
        <source>Annan talare</source>
        <translation>Other speaker</translation>
    </message>
    <message>
        <source>Brev efter riktat samtal</source>
        <translation>Letter after a custom notification</translation>
    </message>
    <message>
        <source>Riktat samtal</source>
        <translation>Custom notification</translation>
    </message>
    <message>
        <source>Brev efter call-in</source>
        <translation>Call-in handout</translation>
    </message>
    <message>
        <source>Inbjudan till call-in</source>
        <translation>Call-in invitation</translation>
    </message>
    <message>
        <source>Arbetsgruppen (kollega)</source>
        <translation>The working group (colleague)</translation>
    </message>
    <message>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Frivården</source>
        <translation>Probation service</translation>
    </message>
    <message>
        <source>Socialtjänsten</source>
        <translation>Social services</translation>
    </message>
    <message>
        <source>Civilsamhället</source>
        <translation>Civil society</translation>
    </message>
    <message>
        <source>Utlämnat</source>
        <translation>Disclosed</translation>
    </message>
    <message>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Kallelse till call-in</source>
        <translation>Call-in invitation</translation>
    </message>
    <message>
        <source>Frigivning</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Uppföljning av call-in</source>
        <translation>Call-in follow-up</translation>
    </message>
    <message>
        <source>Annan anledning</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Hemma</source>
        <translation>At home</translation>
    </message>
    <message>
        <source>På gatan</source>
        <translation>On the street</translation>
    </message>
    <message>
        <source>Frivårdskontor</source>
        <translation>Probation office</translation>
    </message>
    <message>
        <source>Anstalt eller institution</source>
        <translation>Prison or institution</translation>
    </message>
    <message>
        <source>Annan plats</source>
        <translation>Other place</translation>
    </message>
    <message>
        <source>Moraliskt budskap</source>
        <translation>Moral message</translation>
    </message>
    <message>
        <source>Gruppkonsekvens</source>
        <translation>Group consequence</translation>
    </message>
    <message>
        <source>Rättsliga konsekvenser</source>
        <translation>Legal exposure</translation>
    </message>
    <message>
        <source>Erbjudande om hjälp</source>
        <translation>Offer of help</translation>
    </message>
    <message>
        <source>Socialtjänst</source>
        <translation>Social services</translation>
    </message>
    <message>
        <source>Frivård</source>
        <translation>Probation service</translation>
    </message>
    <message>
        <source>%1 person</source>
        <translation>%1 person</translation>
    </message>
    <message>
        <source>%1 personer</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>%1 träff</source>
        <translation>%1 match</translation>
    </message>
    <message>
        <source>%1 träffar</source>
        <translation>%1 matches</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HelplineDueModel</name>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Följs upp</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>Dagar sen</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>Anonym</source>
        <translation>Anonymous</translation>
    </message>
</context>
<context>
    <name>HelplineModel</name>
    <message>
        <source>Anonym</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Okänd person</source>
        <translation>Unknown person</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Frågade om</source>
        <translation>Asked about</translation>
    </message>
    <message>
        <source>Följs upp</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>Togs emot av</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Klicka för att sortera; klicka igen för att vända ordningen.</source>
        <translation>Click to sort; click again to reverse the order.</translation>
    </message>
    <message>
        <source>Uppföljningen skulle ha gjorts.</source>
        <translation>The follow-up is due.</translation>
    </message>
    <message>
        <source>Kopplad till en person i registret</source>
        <translation>Linked to a person in the register</translation>
    </message>
</context>
</TS>

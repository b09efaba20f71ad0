; Inno Setup 6 script: a Windows installer for the PyInstaller bundle. NOT built on this project's
; Linux machines; the GitHub Actions workflow (.github/workflows/package.yml) runs it. By hand, from
; the repository root on Windows, after building dist\activation-playground\ with the spec:
;   iscc /DAppVersion=0.1.0 packaging\windows\activation-playground.iss
; Output: dist\activation-playground-<version>-setup.exe (per-user or all-users install, uninstaller).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Activation Playground"
#define AppExe "activation-playground.exe"
#define Root "..\.."

[Setup]
AppId={{6F3E2A71-4C0B-4D5B-9B7E-2C1A8F6D9E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Activation Playground developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=activation-playground-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\activation-playground.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is an unofficial Inno Setup translation: used when it is installed.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\activation-playground\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}"

func 0: params=1 locals=1 results=1 frame=5
236 bytes of machine code, 1 of them data; 6 of 6 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_br_if_i32_eq_sib s0 i0x0 @18
      0028  mov eax, [rbx]
      002a  cmp eax, 0x00
      002d  jz 0x0046
   5: op_i32_add_sss s1 s1 s0
      0033  mov eax, [rbx+0x08]
      0036  add eax, [rbx]
      0038  mov [rbx+0x08], rax
  10: op_i32_sub_ssi s0 s0 i0x1
      003c  mov eax, [rbx]
      003e  sub eax, 0x01
      0041  mov [rbx], rax
  15: op_br_b @0
      0044  jmp 0x0028
  18: op_copy_ss s0 s1
      0046  mov rax, [rbx+0x08]
      004a  mov [rbx], rax
  22: op_return
      004d  mov rcx, [r15+0x28]
      0051  mov rsi, [rcx-0x08]
      0055  mov rdi, [rcx-0x18]
      0059  test rsi, rsi
      005c  jz 0x00e2
      0062  test dil, 0x01
      0066  jnz 0x00e2
      006c  mov rdx, [rsi+0x70]
      0070  mov rax, [rdx+0xD8]
      0077  test rax, rax
      007a  jz 0x00e2
      0080  mov r8, [rax+0x28]
      0084  test r8, r8
      0087  jz 0x00e2
      008d  mov r13, [rdx+0x18]
      0091  sub rdi, r13
      0094  mov edi, [r8+rdi*1]
      0098  add rdi, [rax]
      009b  add rcx, 0xffffffffffffffe8
      009f  mov [r15+0x28], rcx
      00a3  mov [r15+0x10], rsi
      00a7  mov rbx, [rcx+0x08]
      00ab  mov rax, [rsi+0x10]
      00af  cmp rax, [r15+0x18]
      00b3  jz 0x00d7
      00b9  mov [r15+0x18], rax
      00bd  mov rcx, [rax+0x110]
      00c4  mov [r15+0x20], rcx
      00c8  xor r14d, r14d
      00cb  test rcx, rcx
      00ce  jz 0x00d7
      00d4  mov r14, [rcx]
      00d7  jmp rdi
out of line (hand-overs):
      00d9  lea rax, [r13+0x60]  ; hand over at @24
      00dd  jmp 0x0019
      00e2  lea rax, [r13+0x58]  ; hand over at @22
      00e6  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
272 bytes of machine code, 12 of them data; 7 of 7 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_br_table_sT s0 [@7 @13 @19]
      0028  mov eax, [rbx]
      002a  mov ecx, 0x02
      002f  cmp eax, ecx
      0031  cmovnbe eax, ecx
      0034  lea rcx, [0x0104]
      003b  movsxd rax, dword ptr [rcx+rax*4]
      003f  add rax, rcx
      0042  jmp rax
   7: op_const32_si s0 i0xa
      0044  mov eax, 0x0A
      0049  mov [rbx], rax
  11: op_return
      004c  mov rcx, [r15+0x28]
      0050  mov rsi, [rcx-0x08]
      0054  mov rdi, [rcx-0x18]
      0058  test rsi, rsi
      005b  jz 0x00fb
      0061  test dil, 0x01
      0065  jnz 0x00fb
      006b  mov rdx, [rsi+0x70]
      006f  mov rax, [rdx+0xD8]
      0076  test rax, rax
      0079  jz 0x00fb
      007f  mov r8, [rax+0x28]
      0083  test r8, r8
      0086  jz 0x00fb
      008c  mov r13, [rdx+0x18]
      0090  sub rdi, r13
      0093  mov edi, [r8+rdi*1]
      0097  add rdi, [rax]
      009a  add rcx, 0xffffffffffffffe8
      009e  mov [r15+0x28], rcx
      00a2  mov [r15+0x10], rsi
      00a6  mov rbx, [rcx+0x08]
      00aa  mov rax, [rsi+0x10]
      00ae  cmp rax, [r15+0x18]
      00b2  jz 0x00d6
      00b8  mov [r15+0x18], rax
      00bc  mov rcx, [rax+0x110]
      00c3  mov [r15+0x20], rcx
      00c7  xor r14d, r14d
      00ca  test rcx, rcx
      00cd  jz 0x00d6
      00d3  mov r14, [rcx]
      00d6  jmp rdi
  13: op_const32_si s0 i0x14
      00d8  mov eax, 0x14
      00dd  mov [rbx], rax
  17: op_return
      00e0  jmp 0x004c
  19: op_const32_si s0 i0x1e
      00e5  mov eax, 0x1E
      00ea  mov [rbx], rax
  23: op_return
      00ed  jmp 0x004c
out of line (hand-overs):
      00f2  lea rax, [r13+0x64]  ; hand over at @25
      00f6  jmp 0x0019
      00fb  lea rax, [r13+0x2C]  ; hand over at @11
      00ff  jmp 0x0019
data: 12 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
384 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_copy_ss s1 s0
      0028  mov rax, [rbx]
      002b  mov [rbx+0x08], rax
   4: op_call_xs #0 s1
      002f  mov rax, [r15+0x18]
      0033  mov rax, [rax+0x18]
      0037  mov rsi, [rax]
      003a  mov rdx, [rsi+0x70]
      003e  test rdx, rdx
      0041  jz 0x016b
      0047  mov rax, [rdx+0xD8]
      004e  test rax, rax
      0051  jz 0x016b
      0057  mov rax, [rax+0x20]
      005b  test rax, rax
      005e  jz 0x016b
      0064  mov rcx, [r15+0x28]
      0068  cmp rcx, [r15+0x38]
      006c  jz 0x016b
      0072  mov r8d, [rdx+0x0C]
      0076  lea r8, [rbx+r8*8+0x08]
      007b  cmp r8, [r15+0x40]
      007f  jnbe 0x016b
      0085  lea r8, [r13+0x20]
      0089  mov [rcx], r8
      008c  mov [rcx+0x08], rbx
      0090  mov r8, [r15+0x10]
      0094  mov [rcx+0x10], r8
      0098  add rcx, 0x18
      009c  mov [r15+0x28], rcx
      00a0  mov [r15+0x10], rsi
      00a4  mov ecx, [rdx+0x04]
      00a7  test ecx, ecx
      00a9  jz 0x00c5
      00af  mov edi, [rdx]
      00b1  lea rdi, [rbx+rdi*8+0x08]
      00b6  mov qword ptr [rdi], 0x00
      00bd  add rdi, 0x08
      00c1  dec ecx
      00c3  jnz 0x00b6
      00c5  lea rbx, [rbx+0x08]
      00c9  mov r13, [rdx+0x18]
      00cd  jmp rax
   8: op_copy_ss s0 s1
      00cf  mov rax, [rbx+0x08]
      00d3  mov [rbx], rax
  12: op_return
      00d6  mov rcx, [r15+0x28]
      00da  mov rsi, [rcx-0x08]
      00de  mov rdi, [rcx-0x18]
      00e2  test rsi, rsi
      00e5  jz 0x0174
      00eb  test dil, 0x01
      00ef  jnz 0x0174
      00f5  mov rdx, [rsi+0x70]
      00f9  mov rax, [rdx+0xD8]
      0100  test rax, rax
      0103  jz 0x0174
      0109  mov r8, [rax+0x28]
      010d  test r8, r8
      0110  jz 0x0174
      0116  mov r13, [rdx+0x18]
      011a  sub rdi, r13
      011d  mov edi, [r8+rdi*1]
      0121  add rdi, [rax]
      0124  add rcx, 0xffffffffffffffe8
      0128  mov [r15+0x28], rcx
      012c  mov [r15+0x10], rsi
      0130  mov rbx, [rcx+0x08]
      0134  mov rax, [rsi+0x10]
      0138  cmp rax, [r15+0x18]
      013c  jz 0x0160
      0142  mov [r15+0x18], rax
      0146  mov rcx, [rax+0x110]
      014d  mov [r15+0x20], rcx
      0151  xor r14d, r14d
      0154  test rcx, rcx
      0157  jz 0x0160
      015d  mov r14, [rcx]
      0160  jmp rdi
out of line (hand-overs):
      0162  lea rax, [r13+0x38]  ; hand over at @14
      0166  jmp 0x0019
      016b  lea rax, [r13+0x10]  ; hand over at @4
      016f  jmp 0x0019
      0174  lea rax, [r13+0x30]  ; hand over at @12
      0178  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 3: params=0 locals=0 results=0 frame=3
252 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_global_get_sx s0 #0
      0028  mov rdi, r15
      002b  mov esi, 0x00
      0030  mov rax, <global_get>
      003a  call rax
      003c  mov [rbx], rax
   4: op_i32_add_ssi s0 s0 i0x1
      003f  mov eax, [rbx]
      0041  add eax, 0x01
      0044  mov [rbx], rax
   9: op_global_set_xs #0 s0
      0047  mov rdi, r15
      004a  mov esi, 0x00
      004f  mov rdx, [rbx]
      0052  mov rax, <global_set>
      005c  call rax
  13: op_return
      005e  mov rcx, [r15+0x28]
      0062  mov rsi, [rcx-0x08]
      0066  mov rdi, [rcx-0x18]
      006a  test rsi, rsi
      006d  jz 0x00f3
      0073  test dil, 0x01
      0077  jnz 0x00f3
      007d  mov rdx, [rsi+0x70]
      0081  mov rax, [rdx+0xD8]
      0088  test rax, rax
      008b  jz 0x00f3
      0091  mov r8, [rax+0x28]
      0095  test r8, r8
      0098  jz 0x00f3
      009e  mov r13, [rdx+0x18]
      00a2  sub rdi, r13
      00a5  mov edi, [r8+rdi*1]
      00a9  add rdi, [rax]
      00ac  add rcx, 0xffffffffffffffe8
      00b0  mov [r15+0x28], rcx
      00b4  mov [r15+0x10], rsi
      00b8  mov rbx, [rcx+0x08]
      00bc  mov rax, [rsi+0x10]
      00c0  cmp rax, [r15+0x18]
      00c4  jz 0x00e8
      00ca  mov [r15+0x18], rax
      00ce  mov rcx, [rax+0x110]
      00d5  mov [r15+0x20], rcx
      00d9  xor r14d, r14d
      00dc  test rcx, rcx
      00df  jz 0x00e8
      00e5  mov r14, [rcx]
      00e8  jmp rdi
out of line (hand-overs):
      00ea  lea rax, [r13+0x3C]  ; hand over at @15
      00ee  jmp 0x0019
      00f3  lea rax, [r13+0x34]  ; hand over at @13
      00f7  jmp 0x0019

func 4: params=1 locals=0 results=0 frame=5
228 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_i32_load_sso s2 s0 +0
      0028  mov eax, [rbx]
      002a  mov eax, [r14+rax*1]
      002e  mov [rbx+0x10], rax
   5: op_i32_add_ssi s2 s2 i0x1
      0032  add eax, 0x01
      0035  mov [rbx+0x10], rax
  10: op_i32_store_sso s0 s2 +4
      0039  mov edx, [rbx+0x10]
      003c  mov eax, [rbx]
      003e  mov [r14+rax*1+0x04], edx
  15: op_return
      0043  mov rcx, [r15+0x28]
      0047  mov rsi, [rcx-0x08]
      004b  mov rdi, [rcx-0x18]
      004f  test rsi, rsi
      0052  jz 0x00d8
      0058  test dil, 0x01
      005c  jnz 0x00d8
      0062  mov rdx, [rsi+0x70]
      0066  mov rax, [rdx+0xD8]
      006d  test rax, rax
      0070  jz 0x00d8
      0076  mov r8, [rax+0x28]
      007a  test r8, r8
      007d  jz 0x00d8
      0083  mov r13, [rdx+0x18]
      0087  sub rdi, r13
      008a  mov edi, [r8+rdi*1]
      008e  add rdi, [rax]
      0091  add rcx, 0xffffffffffffffe8
      0095  mov [r15+0x28], rcx
      0099  mov [r15+0x10], rsi
      009d  mov rbx, [rcx+0x08]
      00a1  mov rax, [rsi+0x10]
      00a5  cmp rax, [r15+0x18]
      00a9  jz 0x00cd
      00af  mov [r15+0x18], rax
      00b3  mov rcx, [rax+0x110]
      00ba  mov [r15+0x20], rcx
      00be  xor r14d, r14d
      00c1  test rcx, rcx
      00c4  jz 0x00cd
      00ca  mov r14, [rcx]
      00cd  jmp rdi
out of line (hand-overs):
      00cf  lea rax, [r13+0x44]  ; hand over at @17
      00d3  jmp 0x0019
      00d8  lea rax, [r13+0x3C]  ; hand over at @15
      00dc  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 5: params=2 locals=0 results=1 frame=5
496 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_copy_ss s2 s1
      0028  mov rax, [rbx+0x08]
      002c  mov [rbx+0x10], rax
   4: op_call_indirect_sxxs s0 #0 #0 s2
      0030  mov rcx, [r15+0x18]
      0034  mov rax, [rcx+0x30]
      0038  mov rax, [rax]
      003b  mov edx, [rbx]
      003d  mov rsi, [rax+0x28]
      0041  mov rdi, [rax+0x30]
      0045  sub rdi, rsi
      0048  shr rdi, 0x03
      004c  cmp rdx, rdi
      004f  jnb 0x01db
      0055  mov rsi, [rsi+rdx*8]
      0059  test rsi, rsi
      005c  jz 0x01db
      0062  mov rax, [rcx+0x90]
      0069  mov eax, [rax]
      006b  cmp eax, [rsi]
      006d  jnz 0x01db
      0073  cmp qword ptr [rsi+0x10], 0x00
      0078  jz 0x01db
      007e  mov rdx, [rsi+0x70]
      0082  test rdx, rdx
      0085  jz 0x01db
      008b  mov rax, [rdx+0xD8]
      0092  test rax, rax
      0095  jz 0x01db
      009b  mov rax, [rax+0x20]
      009f  test rax, rax
      00a2  jz 0x01db
      00a8  mov rcx, [r15+0x28]
      00ac  cmp rcx, [r15+0x38]
      00b0  jz 0x01db
      00b6  mov r8d, [rdx+0x0C]
      00ba  lea r8, [rbx+r8*8+0x10]
      00bf  cmp r8, [r15+0x40]
      00c3  jnbe 0x01db
      00c9  lea r8, [r13+0x28]
      00cd  mov [rcx], r8
      00d0  mov [rcx+0x08], rbx
      00d4  mov r8, [r15+0x10]
      00d8  mov [rcx+0x10], r8
      00dc  add rcx, 0x18
      00e0  mov [r15+0x28], rcx
      00e4  mov [r15+0x10], rsi
      00e8  mov ecx, [rdx+0x04]
      00eb  test ecx, ecx
      00ed  jz 0x0109
      00f3  mov edi, [rdx]
      00f5  lea rdi, [rbx+rdi*8+0x10]
      00fa  mov qword ptr [rdi], 0x00
      0101  add rdi, 0x08
      0105  dec ecx
      0107  jnz 0x00fa
      0109  mov rdi, [rsi+0x10]
      010d  cmp rdi, [r15+0x18]
      0111  jz 0x0135
      0117  mov [r15+0x18], rdi
      011b  mov rcx, [rdi+0x110]
      0122  mov [r15+0x20], rcx
      0126  xor r14d, r14d
      0129  test rcx, rcx
      012c  jz 0x0135
      0132  mov r14, [rcx]
      0135  lea rbx, [rbx+0x10]
      0139  mov r13, [rdx+0x18]
      013d  jmp rax
  10: op_copy_ss s0 s2
      013f  mov rax, [rbx+0x10]
      0143  mov [rbx], rax
  14: op_return
      0146  mov rcx, [r15+0x28]
      014a  mov rsi, [rcx-0x08]
      014e  mov rdi, [rcx-0x18]
      0152  test rsi, rsi
      0155  jz 0x01e4
      015b  test dil, 0x01
      015f  jnz 0x01e4
      0165  mov rdx, [rsi+0x70]
      0169  mov rax, [rdx+0xD8]
      0170  test rax, rax
      0173  jz 0x01e4
      0179  mov r8, [rax+0x28]
      017d  test r8, r8
      0180  jz 0x01e4
      0186  mov r13, [rdx+0x18]
      018a  sub rdi, r13
      018d  mov edi, [r8+rdi*1]
      0191  add rdi, [rax]
      0194  add rcx, 0xffffffffffffffe8
      0198  mov [r15+0x28], rcx
      019c  mov [r15+0x10], rsi
      01a0  mov rbx, [rcx+0x08]
      01a4  mov rax, [rsi+0x10]
      01a8  cmp rax, [r15+0x18]
      01ac  jz 0x01d0
      01b2  mov [r15+0x18], rax
      01b6  mov rcx, [rax+0x110]
      01bd  mov [r15+0x20], rcx
      01c1  xor r14d, r14d
      01c4  test rcx, rcx
      01c7  jz 0x01d0
      01cd  mov r14, [rcx]
      01d0  jmp rdi
out of line (hand-overs):
      01d2  lea rax, [r13+0x40]  ; hand over at @16
      01d6  jmp 0x0019
      01db  lea rax, [r13+0x10]  ; hand over at @4
      01df  jmp 0x0019
      01e4  lea rax, [r13+0x38]  ; hand over at @14
      01e8  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 6: params=1 locals=0 results=1 frame=3
188 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_copy_ss s1 s0
      0028  mov rax, [rbx]
      002b  mov [rbx+0x08], rax
   4: op_return_call_xsi #1 s1 i0x1
      002f  mov rax, [r15+0x18]
      0033  mov rax, [rax+0x18]
      0037  mov rsi, [rax+0x08]
      003b  mov rdx, [rsi+0x70]
      003f  test rdx, rdx
      0042  jz 0x00b1
      0048  mov rax, [rdx+0xD8]
      004f  test rax, rax
      0052  jz 0x00b1
      0058  mov rax, [rax+0x20]
      005c  test rax, rax
      005f  jz 0x00b1
      0065  mov r8d, [rdx+0x0C]
      0069  lea r8, [rbx+r8*8]
      006d  cmp r8, [r15+0x40]
      0071  jnbe 0x00b1
      0077  mov r8, [rbx+0x08]
      007b  mov [rbx], r8
      007e  mov [r15+0x10], rsi
      0082  mov ecx, [rdx+0x04]
      0085  test ecx, ecx
      0087  jz 0x00a2
      008d  mov edi, [rdx]
      008f  lea rdi, [rbx+rdi*8]
      0093  mov qword ptr [rdi], 0x00
      009a  add rdi, 0x08
      009e  dec ecx
      00a0  jnz 0x0093
      00a2  mov r13, [rdx+0x18]
      00a6  jmp rax
out of line (hand-overs):
      00a8  lea rax, [r13+0x24]  ; hand over at @9
      00ac  jmp 0x0019
      00b1  lea rax, [r13+0x10]  ; hand over at @4
      00b5  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 7: params=1 locals=0 results=1 frame=4
360 bytes of machine code, 1 of them data; 8 of 8 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_br_if_i32_ne_sib s0 i0x0 @12
      0028  mov eax, [rbx]
      002a  cmp eax, 0x00
      002d  jnz 0x0041
   5: op_const32_si s1 i0x0
      0033  mov eax, 0x00
      0038  mov [rbx+0x08], rax
   9: op_br_b @26
      003c  jmp 0x0091
  12: op_i32_sub_ssi s1 s0 i0x1
      0041  mov eax, [rbx]
      0043  sub eax, 0x01
      0046  mov [rbx+0x08], rax
  17: op_call_xs #7 s1
      004a  mov rcx, [r15+0x28]
      004e  cmp rcx, [r15+0x38]
      0052  jz 0x0155
      0058  lea r8, [rbx+0x28]
      005c  cmp r8, [r15+0x40]
      0060  jnbe 0x0155
      0066  lea r8, [r13+0x54]
      006a  mov [rcx], r8
      006d  mov [rcx+0x08], rbx
      0071  mov r8, [r15+0x10]
      0075  mov [rcx+0x10], r8
      0079  add rcx, 0x18
      007d  mov [r15+0x28], rcx
      0081  lea rbx, [rbx+0x08]
      0085  jmp 0x0028
  21: op_i32_add_ssi s1 s1 i0x1
      0087  mov eax, [rbx+0x08]
      008a  add eax, 0x01
      008d  mov [rbx+0x08], rax
  26: op_copy_ss s0 s1
      0091  mov rax, [rbx+0x08]
      0095  mov [rbx], rax
  30: op_return
      0098  mov rcx, [r15+0x28]
      009c  mov rsi, [rcx-0x08]
      00a0  mov rdi, [rcx-0x18]
      00a4  cmp rsi, [r15+0x10]
      00a8  jnz 0x00c9
      00ae  lea r8, [r13+0x54]
      00b2  cmp rdi, r8
      00b5  jnz 0x00c9
      00bb  add rcx, 0xffffffffffffffe8
      00bf  mov [r15+0x28], rcx
      00c3  mov rbx, [rcx+0x08]
      00c7  jmp 0x0087
      00c9  test rsi, rsi
      00cc  jz 0x015e
      00d2  test dil, 0x01
      00d6  jnz 0x015e
      00dc  mov rdx, [rsi+0x70]
      00e0  mov rax, [rdx+0xD8]
      00e7  test rax, rax
      00ea  jz 0x015e
      00f0  mov r8, [rax+0x28]
      00f4  test r8, r8
      00f7  jz 0x015e
      00fd  mov r13, [rdx+0x18]
      0101  sub rdi, r13
      0104  mov edi, [r8+rdi*1]
      0108  add rdi, [rax]
      010b  add rcx, 0xffffffffffffffe8
      010f  mov [r15+0x28], rcx
      0113  mov [r15+0x10], rsi
      0117  mov rbx, [rcx+0x08]
      011b  mov rax, [rsi+0x10]
      011f  cmp rax, [r15+0x18]
      0123  jz 0x0147
      0129  mov [r15+0x18], rax
      012d  mov rcx, [rax+0x110]
      0134  mov [r15+0x20], rcx
      0138  xor r14d, r14d
      013b  test rcx, rcx
      013e  jz 0x0147
      0144  mov r14, [rcx]
      0147  jmp rdi
out of line (hand-overs):
      0149  lea rax, [r13+0x80]  ; hand over at @32
      0150  jmp 0x0019
      0155  lea rax, [r13+0x44]  ; hand over at @17
      0159  jmp 0x0019
      015e  lea rax, [r13+0x78]  ; hand over at @30
      0162  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 8: params=2 locals=1 results=1 frame=7
284 bytes of machine code, 0 of them data; 8 of 8 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_br_if_i32_ne_sib s0 i0x0 @12
      0028  mov eax, [rbx]
      002a  cmp eax, 0x00
      002d  jnz 0x0040
   5: op_copy_ss s3 s1
      0033  mov rax, [rbx+0x08]
      0037  mov [rbx+0x18], rax
   9: op_br_b @27
      003b  jmp 0x006b
  12: op_i32_sub_ssi s3 s0 i0x1
      0040  mov eax, [rbx]
      0042  sub eax, 0x01
      0045  mov [rbx+0x18], rax
  17: op_i32_add_ssi s4 s1 i0x2
      0049  mov eax, [rbx+0x08]
      004c  add eax, 0x02
      004f  mov [rbx+0x20], rax
  22: op_return_call_xsi #8 s3 i0x2
      0053  mov r8, [rbx+0x18]
      0057  mov [rbx], r8
      005a  mov r8, [rbx+0x20]
      005e  mov [rbx+0x08], r8
      0062  xor r8d, r8d
      0065  mov [rbx+0x10], r8
      0069  jmp 0x0028
  27: op_copy_ss s0 s3
      006b  mov rax, [rbx+0x18]
      006f  mov [rbx], rax
  31: op_return
      0072  mov rcx, [r15+0x28]
      0076  mov rsi, [rcx-0x08]
      007a  mov rdi, [rcx-0x18]
      007e  test rsi, rsi
      0081  jz 0x0113
      0087  test dil, 0x01
      008b  jnz 0x0113
      0091  mov rdx, [rsi+0x70]
      0095  mov rax, [rdx+0xD8]
      009c  test rax, rax
      009f  jz 0x0113
      00a5  mov r8, [rax+0x28]
      00a9  test r8, r8
      00ac  jz 0x0113
      00b2  mov r13, [rdx+0x18]
      00b6  sub rdi, r13
      00b9  mov edi, [r8+rdi*1]
      00bd  add rdi, [rax]
      00c0  add rcx, 0xffffffffffffffe8
      00c4  mov [r15+0x28], rcx
      00c8  mov [r15+0x10], rsi
      00cc  mov rbx, [rcx+0x08]
      00d0  mov rax, [rsi+0x10]
      00d4  cmp rax, [r15+0x18]
      00d8  jz 0x00fc
      00de  mov [r15+0x18], rax
      00e2  mov rcx, [rax+0x110]
      00e9  mov [r15+0x20], rcx
      00ed  xor r14d, r14d
      00f0  test rcx, rcx
      00f3  jz 0x00fc
      00f9  mov r14, [rcx]
      00fc  jmp rdi
out of line (hand-overs):
      00fe  lea rax, [r13+0x84]  ; hand over at @33
      0105  jmp 0x0019
      010a  lea rax, [r13+0x58]  ; hand over at @22
      010e  jmp 0x0019
      0113  lea rax, [r13+0x7C]  ; hand over at @31
      0117  jmp 0x0019

